import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function corsOriginsError(value: string): ConfigError {
  try {
    loadConfig({ CORS_ORIGINS: value });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected CORS_ORIGINS=${value} to be refused`);
}

describe('CORS_ORIGINS', () => {
  it.each<[string, string[]]>([
    ['', []],
    [' , ', []],
    ['https://terrakube-ui.example.com', ['https://terrakube-ui.example.com']],
    ['https://terrakube-ui.example.com/', ['https://terrakube-ui.example.com']],
    ['HTTPS://Terrakube-UI.Example.COM:443', ['https://terrakube-ui.example.com']],
    ['http://localhost:80,http://localhost:3001', ['http://localhost', 'http://localhost:3001']],
    [' https://a.example , https://b.example:8443/ ,', ['https://a.example', 'https://b.example:8443']],
    ['https://a.example,https://A.example/', ['https://a.example']],
    ['http://[::1]:3001,http://127.0.0.1:3001', ['http://[::1]:3001', 'http://127.0.0.1:3001']],
    ['https://bücher.example', ['https://xn--bcher-kva.example']],
  ])('reads %j as the origins browsers send: %j', (value, origins) => {
    expect(loadConfig({ CORS_ORIGINS: value }).corsOrigins).toEqual(origins);
  });

  it.each([
    '*',
    'null',
    'terrakube-ui.example.com',
    '//terrakube-ui.example.com',
    'ftp://terrakube-ui.example.com',
    'file:///srv/ui',
    'https://terrakube-ui.example.com/app',
    'https://terrakube-ui.example.com//',
    'https://terrakube-ui.example.com?x=1',
    'https://terrakube-ui.example.com/?',
    'https://terrakube-ui.example.com#top',
    'https://user@terrakube-ui.example.com',
    'https://user:secret@terrakube-ui.example.com',
    'https://*.example.com',
    'https://terrakube-ui.example.com:99999',
    'https://terrakube-ui.example.com:port',
    'https://',
    'https://terrakube ui.example.com',
    'https://terrakube-ui.example.com\\',
    'https://terrakube-ui.example.com https://other.example',
  ])('refuses %j, naming the variable and the entry and showing a correct value', (entry) => {
    const error = corsOriginsError(`https://good.example,${entry}`);
    expect(error.variable).toBe('CORS_ORIGINS');
    expect(error.message).toBe(
      `CORS_ORIGINS must be a comma-separated list of http(s) origins, scheme://host[:port] with no path, query, fragment, user or *, such as https://terrakube-ui.example.com,http://localhost:3001; "${entry}" is not one`,
    );
  });
});
