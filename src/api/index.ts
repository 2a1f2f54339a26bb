export { ApiError, defaultMessageFor, isApiError, NETWORK_ERROR_MESSAGE } from './ApiError';
export { createHttpClient, messageFromErrorBody } from './httpClient';
export type { AccessTokenGetter, HttpClient, HttpClientOptions, RequestOptions } from './httpClient';
export { createTokenApi } from './createTokenApi';
export { createTerrakubeTokenApi } from './terrakubeTokenApi';
export { TokenApiProvider, useTokenApi } from './TokenApiContext';
export { teamKeys, tokenKeys } from './queryKeys';
export { durationMs, expiryOf, isNever, NEVER } from '../../contracts/tokenDuration';
export { TEAM_PERMISSIONS } from './tokenApi';
export type {
  CreatedToken,
  CreatePersonalTokenInput,
  CreateTeamTokenInput,
  Organization,
  PersonalToken,
  Team,
  TeamPermission,
  TeamToken,
  TokenApi,
  TokenDuration,
} from './tokenApi';
