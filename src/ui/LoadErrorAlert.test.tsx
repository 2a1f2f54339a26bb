import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { LoadErrorAlert } from './LoadErrorAlert';

describe('LoadErrorAlert', () => {
  it("says what failed and the API error's reason, and Retry asks again", async () => {
    const onRetry = vi.fn();
    render(<LoadErrorAlert what="the teams" error={new ApiError(500, 'The database is down.')} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the teams');
    expect(alert).toHaveTextContent('The database is down.');
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('does not show the words of an unexpected error', () => {
    render(<LoadErrorAlert what="the teams" error={new TypeError('x is undefined')} onRetry={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something unexpected went wrong.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('x is undefined');
  });

  it('says when it is trying again, keeping Retry (and the focus on it)', () => {
    render(<LoadErrorAlert what="the teams" error={new ApiError(0, 'Cannot reach the server.')} onRetry={() => undefined} retrying />);
    expect(screen.getByRole('alert')).toHaveTextContent('Trying again…');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
  });
});
