// The CDK stack of the order API: the function's role allows every DynamoDB action, on every table, the
// receipts bucket is public, the function has a URL anyone may call, and the API's CORS lets any site send cookies.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
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
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    new apigw.LambdaRestApi(this, 'OrdersApi', {
      handler: fn,
      defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
      defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS, allowCredentials: true },
    });
  }
}
