// The CDK stack of the order API: the function's role allows every DynamoDB action, on every table, and the
// receipts bucket is public.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export class OrdersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const fn = new lambda.Function(this, 'GetOrder', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'get-order.handler',
      code: lambda.Code.fromAsset('functions'),
    });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    const receipts = new s3.Bucket(this, 'Receipts', { publicReadAccess: true });
    receipts.grantWrite(fn);
  }
}
