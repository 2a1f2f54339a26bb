import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from '../../ui/router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

interface NotFoundStateProps {
  title: string;
  /** What is missing and why it may be. */
  explanation: string;
  backTo: string;
  backLabel: string;
}

/** A screen for something a link names that does not exist (or that the user cannot see). */
export function NotFoundState({ title, explanation, backTo, backLabel }: NotFoundStateProps) {
  useDocumentTitle(title);
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        {title}
      </Typography>
      <Typography sx={{ mb: 2 }}>{explanation}</Typography>
      <Link component={RouterLink} to={backTo}>
        {backLabel}
      </Link>
    </>
  );
}
