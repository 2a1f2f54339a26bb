import { Fragment } from 'react';

/**
 * A team name that may wrap after its underscores: group names such as TERRAKUBE_DEVELOPERS have no spaces, and
 * would otherwise break mid-word on a narrow screen.
 */
export function TeamName({ name }: { name: string }) {
  return name.split('_').map((part, index) => (
    <Fragment key={index}>
      {index > 0 && (
        <>
          _<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}
