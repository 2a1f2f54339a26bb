export { CONFIG_VARIABLES, parseRuntimeConfig, readRuntimeConfig } from './runtimeConfig';
export type {
  ConfigProblem,
  ConfigResult,
  OidcConfig,
  RuntimeConfig,
  TeamTokenMode,
  TerrakubeConfig,
  TfeConfig,
  TokenBackend,
} from './runtimeConfig';
export { ConfigProvider, useConfig } from './ConfigContext';
