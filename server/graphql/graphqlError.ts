import { getLocation, type ASTNode, type SourceLocation } from 'graphql';
import { ApiError } from '../http/apiError';

/** A query the endpoint refuses (400 unless said otherwise), and where in the query text the problem is. */
export class GraphQLRequestError extends ApiError {
  constructor(
    message: string,
    readonly locations: readonly SourceLocation[] = [],
    status = 400,
  ) {
    super(status, message);
    this.name = 'GraphQLRequestError';
  }
}

/** A 400 about a part of the query; the answer gives that part's line and column. */
export function queryError(message: string, node?: ASTNode): GraphQLRequestError {
  const loc = node?.loc;
  return new GraphQLRequestError(message, loc ? [getLocation(loc.source, loc.start)] : []);
}

/** Each GraphQL error as the spec writes it: a message, and the locations when they are known. */
export function graphqlErrorBody(message: string, locations: readonly SourceLocation[] = []) {
  return { errors: [{ message, ...(locations.length > 0 ? { locations } : {}) }] };
}
