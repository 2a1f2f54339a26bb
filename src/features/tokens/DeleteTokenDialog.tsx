import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';

export interface DeleteTokenDialogProps {
  open: boolean;
  /** The description of the token to delete. */
  description: string;
  onCancel: () => void;
  onConfirm: () => void;
  /** Called once the dialog has finished closing; the caller moves focus then. */
  onExited: () => void;
}

/**
 * "Delete token?": names the token, says it stops working at once, focuses **Cancel**, and offers a destructive
 * **Delete**. Escape and a click outside cancel. Focus is placed by the caller once the dialog has closed (back
 * on the delete button after Cancel; on the list after Delete, as the button is gone with its row).
 */
export default function DeleteTokenDialog({ open, description, onCancel, onConfirm, onExited }: DeleteTokenDialogProps) {
  const descriptionId = useId();
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      aria-describedby={descriptionId}
      disableRestoreFocus
      maxWidth="xs"
      fullWidth
      slotProps={{ transition: { onExited } }}
    >
      <DialogTitle>Delete token?</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId} sx={{ overflowWrap: 'anywhere' }}>
          The token <strong>{description}</strong> stops working at once: every script or tool that uses it will be
          refused. This cannot be undone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" startIcon={<DeleteOutlineIcon />}>
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
