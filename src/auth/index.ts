export { AuthProvider } from './AuthProvider';
export { ApiTokenAuthProvider } from './ApiTokenAuthProvider';
export type { ApiTokenAuthProviderProps } from './ApiTokenAuthProvider';
export { useAuth } from './AuthContext';
export type { Auth, SignedInUser } from './AuthContext';
export { terraformPlatformName, userTokenSettingsUrl } from './terraformPlatform';
export type { TerraformPlatformName } from './terraformPlatform';
export { createUserManager } from './userManager';
