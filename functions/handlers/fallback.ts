import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** API Gateway's $default route: anything no route matches gets the contract's 404 shape. */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 404,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有这个接口' } }),
});
