import { GraphQLError, Lexer, parse, Source, TokenKind, visit, type DocumentNode } from 'graphql';
import { GraphQLRequestError, queryError } from './graphqlError';

/** The most tokens a query may have: Terrakube's UI sends 69; the parser stops at the limit. */
export const MAX_TOKENS = 2000;

/** How deeply selections may nest: Terrakube's UI nests its workspace list 10 deep. */
export const MAX_DEPTH = 16;
/** How deeply brackets of any kind may nest: the parser recurses once a level, so this bounds its stack. */
const MAX_NESTING = 32;

/** A GraphQL-over-HTTP request body, checked, with its query parsed. */
export interface GraphQLRequest {
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

const EXAMPLE = '{"query": "{ organization { edges { node { id name } } } }"}';
/** The body's fields, as GraphQL over HTTP defines them; `extensions` is read by no one here, but allowed. */
const FIELDS = new Set(['query', 'variables', 'operationName', 'extensions']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `{"query": "…", "variables"?: {…}, "operationName"?: "…"}`; anything else is a 400 that says what is wrong. */
export function readGraphQLRequest(body: unknown): GraphQLRequest {
  if (!isObject(body)) throw new GraphQLRequestError(`The request body must be a JSON object such as ${EXAMPLE}.`);
  const unknown = Object.keys(body).find((field) => !FIELDS.has(field));
  if (unknown !== undefined) {
    const field = unknown.slice(0, 40);
    throw new GraphQLRequestError(`The request body has the unknown field "${field}"; it may hold query, variables and operationName.`);
  }
  const { query, variables, operationName, extensions } = body;
  if (query === undefined || query === null) throw new GraphQLRequestError(`The request body has no "query": send one such as ${EXAMPLE}.`);
  if (typeof query !== 'string') throw new GraphQLRequestError('The "query" of the request body must be a string holding a GraphQL query.');
  if (query.trim() === '') throw new GraphQLRequestError(`The "query" of the request body is empty: send one such as ${EXAMPLE}.`);
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    throw new GraphQLRequestError('The "variables" of the request body must be an object of variable names and values.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new GraphQLRequestError('The "operationName" of the request body must be a string naming an operation of the query.');
  }
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) {
    throw new GraphQLRequestError('The "extensions" of the request body must be an object.');
  }
  const document = parseQuery(query);
  checkDepth(document);
  return { document, variables: variables ?? {}, operationName: operationName ?? undefined };
}

function parseQuery(query: string): DocumentNode {
  const source = new Source(query);
  try {
    checkNesting(source);
    // maxTokens bounds the parser's work, whatever the text.
    return parse(source, { maxTokens: MAX_TOKENS });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLRequestError(error.message, error.locations ?? []);
  }
}

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Before parsing: the token count and how deeply brackets nest, read by the lexer, which does not recurse. */
function checkNesting(source: Source): void {
  const lexer = new Lexer(source);
  let tokens = 0;
  let depth = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    const at = [{ line: token.line, column: token.column }];
    if (++tokens > MAX_TOKENS) {
      throw new GraphQLRequestError(`The query has more than ${MAX_TOKENS} tokens; the embedded server reads at most ${MAX_TOKENS}.`, at);
    }
    if (OPENING.has(token.kind) && ++depth > MAX_NESTING) {
      throw new GraphQLRequestError(`The query nests brackets more than ${MAX_NESTING} deep; the embedded server reads at most ${MAX_NESTING}.`, at);
    }
    if (CLOSING.has(token.kind)) depth -= 1;
  }
}

/**
 * Anywhere in the document, the parts never evaluated included. A fragment spread nests its selections deeper only
 * where they are evaluated, and there the types themselves nest at most 7 deep.
 */
function checkDepth(document: DocumentNode): void {
  let depth = 0;
  visit(document, {
    SelectionSet: {
      enter(node) {
        if (++depth > MAX_DEPTH) {
          throw queryError(`The query nests selections more than ${MAX_DEPTH} deep; the embedded server reads at most ${MAX_DEPTH}.`, node);
        }
      },
      leave() {
        depth -= 1;
      },
    },
  });
}
