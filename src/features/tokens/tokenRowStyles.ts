import { visuallyHidden } from '@mui/utils';

/**
 * The token rows' look, as class rules set once on the list (`TOKEN_LIST_SX`) rather than per row: rows render
 * plain elements with these class names, so a row costs no style computation.
 */
export const TOKEN_ROW_CLASSES = {
  row: 'TokenRow-root',
  expired: 'TokenRow-expired',
  description: 'TokenRow-description',
  status: 'TokenRow-status',
  field: 'TokenRow-field',
  expiry: 'TokenRow-expiry',
  lastUsed: 'TokenRow-lastUsed',
  created: 'TokenRow-created',
  label: 'TokenRow-label',
  value: 'TokenRow-value',
  actions: 'TokenRow-actions',
  hidden: 'TokenRow-visuallyHidden',
} as const;

/** On the list, where its backend says when tokens were used: the rows make room for that column. */
const TOKEN_LIST_WITH_LAST_USE = 'TokenList-withLastUse';

export const tokenListClass = (showsLastUse: boolean): string | undefined => (showsLastUse ? TOKEN_LIST_WITH_LAST_USE : undefined);

const c = (name: keyof typeof TOKEN_ROW_CLASSES) => `.${TOKEN_ROW_CLASSES[name]}`;

/** The list and its rows: a multi-column grid per row on wide screens, stacked on narrow ones. */
export const TOKEN_LIST_SX = {
  listStyle: 'none',
  m: 0,
  p: 0,
  borderTop: 1,
  borderColor: 'divider',
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
  [`& ${c('row')}`]: {
    display: 'grid',
    alignItems: 'center',
    columnGap: 2,
    rowGap: 1,
    gridTemplateColumns: { xs: 'minmax(0, 1fr) auto', md: 'minmax(0, 2fr) 9.5rem minmax(0, 1.6fr) minmax(0, 1.4fr) auto' },
    gridTemplateAreas: {
      xs: '"description actions" "status status" "expiry expiry" "created created"',
      md: '"description status expiry created actions"',
    },
    px: 2,
    py: 1.5,
    borderBottom: 1,
    borderColor: 'divider',
    color: 'text.primary',
  },
  [`&.${TOKEN_LIST_WITH_LAST_USE} ${c('row')}`]: {
    gridTemplateColumns: { md: 'minmax(0, 1.4fr) 9.5rem minmax(0, 1.8fr) minmax(0, 0.9fr) minmax(0, 1.4fr) auto' },
    gridTemplateAreas: {
      xs: '"description actions" "status status" "expiry expiry" "lastUsed lastUsed" "created created"',
      md: '"description status expiry lastUsed created actions"',
    },
  },
  [`& ${c('expired')}`]: { bgcolor: 'action.hover', color: 'text.secondary' },
  [`& ${c('description')}`]: { gridArea: 'description', m: 0, typography: 'body1', fontWeight: 500, overflowWrap: 'anywhere' },
  [`& ${c('status')}`]: { gridArea: 'status' },
  [`& ${c('field')}`]: { minWidth: 0 },
  [`& ${c('expiry')}`]: { gridArea: 'expiry' },
  [`& ${c('lastUsed')}`]: { gridArea: 'lastUsed' },
  [`& ${c('created')}`]: { gridArea: 'created' },
  [`& ${c('label')}`]: { display: 'block', typography: 'caption', color: 'text.secondary' },
  [`& ${c('value')}`]: { display: 'block', typography: 'body2', overflowWrap: 'anywhere' },
  // Muted, so the row's actions (one destructive) are not the heaviest thing on every row.
  [`& ${c('actions')}`]: { gridArea: 'actions', justifySelf: 'end', display: 'flex', '& .MuiIconButton-root': { color: 'text.secondary' } },
  [`& ${c('hidden')}`]: visuallyHidden,
} as const;
