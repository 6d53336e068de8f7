import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { users, verify, issueToken } from './users';

// Logs the whole event, tells callers which credential was wrong, and returns raw errors.
export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  console.log('login', JSON.stringify(event));
  try {
    const { email, password } = JSON.parse(event.body ?? '{}');
    const user = await users.findByEmail(email);
    if (!user) return { statusCode: 404, body: 'User not found' };
    if (!(await verify(password, user.hash))) return { statusCode: 401, body: 'Incorrect password' };
    return { statusCode: 200, body: await issueToken(user) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ error: (err as Error).stack }) };
  }
};
