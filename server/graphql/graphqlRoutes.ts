import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { authenticate, type Caller } from '../auth/authentication';
import type { Database } from '../db/database';
import { ApiError, describeError, RETRY_AFTER_SECONDS } from '../http/apiError';
import { jsonBody } from '../http/jsonBody';
import { OrganizationRepository } from '../organizations/organizationRepository';
import { executeQuery } from './executeQuery';
import { graphqlErrorBody, GraphQLRequestError } from './graphqlError';
import { readGraphQLRequest } from './graphqlRequest';
import { readVariables } from './inputValues';
import { OrganizationData } from './organizationData';
import { selectOperation } from './operationSelection';

/** Room for a query of the full 2000 tokens with long names, and its variables. */
const BODY_LIMIT = '32kb';

/** GraphQL over HTTP's media type, the one Terrakube's UI sends; a charset other than UTF-8 is a 415 from jsonBody. */
const isJson = (req: Request) => req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() === 'application/json';

const refuseOtherMethods: RequestHandler = (req, res) => {
  res.set('Allow', 'POST');
  throw new ApiError(405, `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}; send the query with POST.`);
};

/** Every error as GraphQL writes it, `{"errors": [{"message": "…"}]}`, with the status that says whose fault it is. */
const graphqlErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, message } = describeError(error);
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(status).json(graphqlErrorBody(message, error instanceof GraphQLRequestError ? error.locations : []));
};

/**
 * The part of Terrakube's Elide GraphQL endpoint (`/graphql/api/v1`) that Terrakube's UI asks of the embedded
 * server: organizations and their teams, the same data as the JSON:API. Queries only; needs a bearer token.
 */
export function graphqlRoutes(db: Database, verifyToken: (token: string) => Promise<Caller | undefined>): express.Router {
  const router = express.Router();
  const organizations = new OrganizationRepository(db);

  const answerQuery: RequestHandler = async (req, res) => {
    if (!isJson(req)) {
      const given = req.headers['content-type'] ? `not ${req.headers['content-type'].slice(0, 60)}` : 'and the request has no Content-Type';
      throw new ApiError(415, `The request body must be JSON with Content-Type: application/json, ${given}.`);
    }
    const request = readGraphQLRequest(req.body);
    const { operation, fragments } = selectOperation(request.document, request.operationName);
    const variables = readVariables(operation.variableDefinitions ?? [], request.variables);
    const data = await executeQuery(operation.selectionSet, { variables, fragments, data: new OrganizationData(organizations) });
    res.status(200).json({ data });
  };

  router.use(authenticate(verifyToken));
  router
    .route('/')
    .post(jsonBody({ limit: BODY_LIMIT, accepts: isJson }), answerQuery)
    .all(refuseOtherMethods);
  router.use((req) => {
    throw new ApiError(404, `There is no ${req.method} ${req.originalUrl.split('?')[0]} in this API; queries go to POST /graphql/api/v1.`);
  });
  router.use(graphqlErrorHandler);
  return router;
}
