import { z } from 'zod';
import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { query } from './db';

const OrderQuery = z.object({ customerId: z.string().uuid(), limit: z.coerce.number().int().max(100) });

// Validates first, queries with placeholders, and answers errors with a generic message.
export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const parsed = OrderQuery.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) {
    return { statusCode: 400, body: JSON.stringify({ message: 'Invalid request' }) };
  }
  try {
    const rows = await query('SELECT id, total FROM orders WHERE customer_id = $1 LIMIT $2', [
      parsed.data.customerId,
      parsed.data.limit,
    ]);
    return { statusCode: 200, body: JSON.stringify(rows) };
  } catch (error) {
    console.error('order lookup failed', error);
    return { statusCode: 500, body: JSON.stringify({ message: 'Internal server error' }) };
  }
};
