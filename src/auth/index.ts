export { AuthProvider } from './AuthProvider';
// The user-API-token sign-in (`./ApiTokenAuthProvider`) is not re-exported: the app loads it only where it is used.
export type { ApiTokenAuthProviderProps } from './ApiTokenAuthProvider';
export { useAuth } from './AuthContext';
export type { Auth, SignedInUser } from './AuthContext';
export { terraformPlatformName, userTokenSettingsUrl } from './terraformPlatform';
export type { TerraformPlatformName } from './terraformPlatform';
export { createUserManager } from './userManager';
