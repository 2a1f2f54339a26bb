export { ApiError, defaultMessageFor, isApiError, isNotFound, NETWORK_ERROR_MESSAGE } from './ApiError';
export { mapWithConcurrency } from './boundedConcurrency';
export { listInParts } from './listParts';
export { createHttpClient, messageFromErrorBody } from './httpClient';
export type { AccessTokenGetter, HttpClient, HttpClientOptions, RequestOptions } from './httpClient';
export { forgetTokenApiFactory, tokenApiFactory } from './createTokenApi';
export type { TokenApiFactory } from './createTokenApi';
export { TokenApiProvider, usePlatformName, useTokenApi } from './TokenApiContext';
export { teamKeys, tokenKeys } from './queryKeys';
export type {
  ApiToken,
  CollectionCapabilities,
  CreatedToken,
  ExpiryGranularity,
  GenerateTokenInput,
  ListPart,
  Organization,
  Team,
  TeamPermission,
  TeamRef,
  TeamToken,
  TokenApi,
  TokenApiCapabilities,
} from './tokenApi';
