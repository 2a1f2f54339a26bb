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
  created: 'TokenRow-created',
  label: 'TokenRow-label',
  value: 'TokenRow-value',
  delete: 'TokenRow-delete',
} as const;

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
      xs: '"description delete" "status status" "expiry expiry" "created created"',
      md: '"description status expiry created delete"',
    },
    px: 2,
    py: 1.5,
    borderBottom: 1,
    borderColor: 'divider',
    color: 'text.primary',
  },
  [`& ${c('expired')}`]: { bgcolor: 'action.hover', color: 'text.secondary' },
  [`& ${c('description')}`]: { gridArea: 'description', m: 0, typography: 'body1', fontWeight: 500, overflowWrap: 'anywhere' },
  [`& ${c('status')}`]: { gridArea: 'status' },
  [`& ${c('field')}`]: { minWidth: 0 },
  [`& ${c('expiry')}`]: { gridArea: 'expiry' },
  [`& ${c('created')}`]: { gridArea: 'created' },
  [`& ${c('label')}`]: { display: 'block', typography: 'caption', color: 'text.secondary' },
  [`& ${c('value')}`]: { display: 'block', typography: 'body2', overflowWrap: 'anywhere' },
  // Muted, so the one destructive control is not the heaviest thing on every row.
  [`& ${c('delete')}`]: { gridArea: 'delete', justifySelf: 'end', '& .MuiIconButton-root': { color: 'text.secondary' } },
} as const;
