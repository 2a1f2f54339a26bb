// placeholder until the adapter lands
import type { HttpClient } from '../httpClient';
import type { TokenApi } from '../tokenApi';
export function createTfeTokenApi(_options: { http: HttpClient; apiUrl: string; cliHost: string; teamTokens?: 'multiple' | 'single'; organization?: string }): TokenApi {
  throw new Error('not yet');
}
