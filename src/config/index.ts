export { CONFIG_VARIABLES, parseRuntimeConfig, readRuntimeConfig } from './runtimeConfig';
export type { ConfigProblem, ConfigResult, RuntimeConfig, TokenBackend } from './runtimeConfig';
export { ConfigProvider, useConfig } from './ConfigContext';
