import { timingSafeEqual } from 'node:crypto';

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  groups: string[];
}

/** Terrakube's sample users; each password is the part of the email before the `@`. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@example.com', password: 'admin', name: 'Admin User', groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] },
  { email: 'aws@example.com', password: 'aws', name: 'AWS Developer', groups: ['AWS_DEVELOPERS'] },
  { email: 'azure@example.com', password: 'azure', name: 'Azure Developer', groups: ['AZURE_DEVELOPERS'] },
  { email: 'gcp@example.com', password: 'gcp', name: 'GCP Developer', groups: ['GCP_DEVELOPERS'] },
];

/** Users are identified by their email, which is also the OpenID Connect `sub`. */
export function findDemoUser(email: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.email === email);
}

export function checkCredentials(email: string, password: string): DemoUser | undefined {
  const user = findDemoUser(email.trim().toLowerCase());
  if (!user) return undefined;
  const given = Buffer.from(password);
  const expected = Buffer.from(user.password);
  return given.length === expected.length && timingSafeEqual(given, expected) ? user : undefined;
}
