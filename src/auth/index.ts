export { AuthProvider } from './AuthProvider';
export { useAuth } from './AuthContext';
export type { Auth, SignedInUser } from './AuthContext';
export { createUserManager } from './userManager';
