import type { TeamPermission } from '../../api';

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Your teams here let you manage state and manage jobs.", from the permissions the person has there. */
export function accessSentence(permissions: readonly TeamPermission[]): string {
  const granted = permissions.filter((permission) => permission.granted).map((permission) => lowerFirst(permission.label));
  if (granted.length === 0) return 'Your teams here give you no management permissions in this organization.';
  if (granted.length === permissions.length) return 'Your teams here give you every management permission in this organization.';
  return `Your teams here let you ${listInWords(granted)}.`;
}
