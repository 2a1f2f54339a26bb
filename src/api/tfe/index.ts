export { createTfeTokenApi } from './tfeTokenApi';
export type { TfeTokenApi, TfeTokenApiOptions } from './tfeTokenApi';
export type { TeamTokenMode } from './capabilities';
