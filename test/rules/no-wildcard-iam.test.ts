import rule from '../../src/rules/no-wildcard-iam.js';
import { expectShortMessages } from '../message-length.js';
import { testRule } from '../rule-tester.js';

const CDK = 'import * as iam from "aws-cdk-lib/aws-iam";\n';

testRule('no-wildcard-iam', rule, {
  valid: [
    // Named actions on named resources, and grant methods.
    `${CDK}fn.addToRolePolicy(new iam.PolicyStatement({ actions: ["dynamodb:GetItem", "dynamodb:Query"], resources: [table.tableArn] }));`,
    'table.grantReadData(fn); bucket.grantRead(fn);',
    // Actions that AWS only grants on "*": X-Ray, CloudWatch metrics, List*/Describe*, account-level calls.
    `${CDK}new iam.PolicyStatement({ actions: ["xray:PutTraceSegments", "cloudwatch:PutMetricData", "ec2:DescribeNetworkInterfaces", "s3:ListAllMyBuckets", "sts:GetCallerIdentity"], resources: ["*"] });`,
    // Deny statements may be as broad as they like.
    `${CDK}new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ["*"], resources: ["*"] });`,
    '{ const policy = { Effect: "Deny", Action: "*", Resource: "*" }; }',
    // Partial wildcards on a named resource.
    `${CDK}new iam.PolicyStatement({ actions: ["s3:GetObject*"], resources: [bucket.arnForObjects("*")] });`,
    // A public principal limited by a condition.
    `${CDK}new iam.PolicyStatement({ actions: ["sqs:SendMessage"], principals: [new iam.AnyPrincipal()], resources: [queue.queueArn], conditions: { ArnEquals: { "aws:SourceArn": topic.topicArn } } });`,
    '{ const s = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: arn, Condition: { StringEquals: { "aws:SourceAccount": account } } }; }',
    // A PolicyStatement class that is not CDK's.
    'import { PolicyStatement } from "./policies.js"; new PolicyStatement({ actions: ["*"], resources: ["*"] });',
    // Managed policies that are scoped, and ones named by a computed value.
    `${CDK}iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole");`,
    `${CDK}iam.ManagedPolicy.fromAwsManagedPolicyName(policyName);`,
    // Methods that narrow the statement: a condition on a public principal, named resources.
    `${CDK}const s = new iam.PolicyStatement({ actions: ["sns:Publish"], resources: [topic.topicArn] });\ns.addAnyPrincipal();\ns.addCondition("ArnEquals", { "aws:SourceArn": rule.ruleArn });`,
    `${CDK}const s = new iam.PolicyStatement();\ns.addActions("dynamodb:GetItem");\ns.addResources(table.tableArn);`,
    // Resource policies: `'*'` is the key, file system or queue the policy is attached to.
    `${CDK}key.addToResourcePolicy(new iam.PolicyStatement({ actions: ["kms:Encrypt", "kms:Decrypt"], principals: [new iam.ServicePrincipal("logs.amazonaws.com")], resources: ["*"] }));`,
    `${CDK}new iam.PolicyStatement({ actions: ["elasticfilesystem:ClientMount"], principals: [new iam.AccountRootPrincipal()], resources: ["*"] });`,
    // The default key policy: the account root gets `kms:*`, and IAM policies decide from there.
    '{ const keyPolicy = { Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] }; }',
    `${CDK}const s = new iam.PolicyStatement({ actions: ["kms:*"], resources: ["*"] });\ns.addAccountRootPrincipal();`,
    // A computed action list is not judged.
    `${CDK}new iam.PolicyStatement({ actions: props.actions, resources: ["*"] });`,
    // An API Gateway authorizer's policy: execute-api cannot name a narrower resource than the method ARN.
    '{ const doc = { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: "*" }] }; }',
    // Accepted by configuration.
    { code: `${CDK}new iam.PolicyStatement({ actions: ["logs:*"], resources: ["*"] });`, options: [{ allowActions: ['logs:*'] }] },
    // KMS actions on `*` narrowed by `kms:ViaService` (the documented service-role pattern).
    "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"kms:Decrypt\", \"kms:GenerateDataKey*\"], resources: [\"*\"], conditions: { StringEquals: { \"kms:ViaService\": `s3.${region}.amazonaws.com` } } });",
    // Narrow data-plane writes and low-risk calls on `*`: least-privilege nits, quiet by default.
    "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"events:Put*\"], resources: [\"*\"] });\nnew iam.PolicyStatement({ actions: [\"sns:Publish\", \"iam:CreateServiceLinkedRole\", \"glue:StartJobRun\"], resources: [\"*\"] });",
    // Actions AWS only grants on `*`, even in the strict config.
    { code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"xray:Put*\", \"ecr:GetAuthorizationToken\", \"logs:DescribeLogGroups\", \"cloudwatch:PutMetricData\"], resources: [\"*\"] });", options: [{ reportNarrowWildcards: true }] },
    // A JSON key policy for the owning account's root, spelled with a template.
    "const keyPolicy = { Statement: [{ Effect: \"Allow\", Principal: { AWS: `arn:aws:iam::${this.account}:root` }, Action: \"kms:*\", Resource: \"*\" }] };",
    // Bucket and key policies for an account (`ArnPrincipal` of its root, `AccountPrincipal`) delegate to IAM.
    { code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ principals: [new iam.ArnPrincipal(`arn:aws:iam::${accountId}:root`)], actions: [\"s3:*\"], resources: [bucket.bucketArn] });\nnew iam.PolicyStatement({ principals: [new iam.AccountPrincipal(this.account)], actions: [\"kms:*\"], resources: [\"*\"] });", options: [{ reportNarrowWildcards: true }] },
    // A public (regional) API: `AnyPrincipal` + `execute-api:Invoke` is how its resource policy reads.
    "import * as iam from \"aws-cdk-lib/aws-iam\";\nimport * as apigw from \"aws-cdk-lib/aws-apigateway\";\nnew apigw.RestApi(this, \"Api\", {\n  endpointTypes: [apigw.EndpointType.REGIONAL],\n  policy: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: [\"execute-api:Invoke\"], principals: [new iam.AnyPrincipal()], resources: [\"execute-api:/*\"] })] }),\n});",
    // A private API fenced to its VPC endpoint by a Deny.
    "import * as iam from \"aws-cdk-lib/aws-iam\";\nimport * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst allow = new iam.PolicyStatement({ actions: [\"execute-api:Invoke\"], principals: [new iam.AnyPrincipal()], resources: [\"execute-api:/*\"] });\nconst deny = new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: [\"execute-api:Invoke\"], principals: [new iam.AnyPrincipal()], resources: [\"execute-api:/*\"], conditions: { StringNotEquals: { \"aws:SourceVpce\": endpoint.vpcEndpointId } } });\nnew apigw.RestApi(this, \"Api\", { endpointTypes: [apigw.EndpointType.PRIVATE], policy: new iam.PolicyDocument({ statements: [allow, deny] }) });",
    // One service's `…FullAccess` policy: quiet by default.
    "import * as iam from \"aws-cdk-lib/aws-iam\";\niam.ManagedPolicy.fromAwsManagedPolicyName(\"AmazonLexFullAccess\");",
    // A bucket policy delegating to the account's access points (the documented pattern): the condition bounds it.
    {
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nbucket.addToResourcePolicy(new iam.PolicyStatement({ actions: [\"*\"], principals: [new iam.AnyPrincipal()], resources: [bucket.bucketArn], conditions: { StringEquals: { \"s3:DataAccessPointAccount\": account } } }));",
      options: [{ reportNarrowWildcards: true }],
    },
    // Text that only looks like a policy.
    'const label = "Effect: Allow"; const arn = "arn:aws:iam::aws:policy";',
  ],
  invalid: [
    {
      code: `${CDK}fn.addToRolePolicy(new iam.PolicyStatement({ actions: ["*"], resources: ["*"] }));`,
      errors: [{ messageId: 'allActions', line: 2, column: 56 }],
    },
    {
      code: `${CDK}new iam.PolicyStatement({ actions: ["dynamodb:*"], resources: [table.tableArn] });`,
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'serviceWildcard', line: 2, column: 37 }],
    },
    {
      code: `${CDK}new iam.PolicyStatement({\n  actions: ["dynamodb:GetItem", "dynamodb:PutItem"],\n  resources: ["*"],\n});`,
      errors: [{ messageId: 'allResources', line: 4, column: 15 }],
    },
    {
      // Every s3 action, on every bucket: one report for the statement.
      code: 'import { aws_iam as iam } from "aws-cdk-lib";\nnew iam.PolicyStatement({ actions: ["s3:*"], resources: ["*"] });',
      errors: [{ messageId: 'serviceWildcard', line: 2, column: 37, data: { action: 's3:*', service: 's3', where: ' on every resource' } }],
    },
    {
      code: 'const { PolicyStatement, Effect } = require("aws-cdk-lib/aws-iam");\nnew PolicyStatement({ effect: Effect.ALLOW, notActions: ["iam:*"], resources: ["*"] });',
      errors: [{ messageId: 'notAction', line: 2, column: 57 }],
    },
    {
      code: `${CDK}bucket.addToResourcePolicy(new iam.PolicyStatement({ actions: ["s3:GetObject"], principals: [new iam.AnyPrincipal()], resources: [bucket.arnForObjects("*")] }));`,
      errors: [{ messageId: 'anyPrincipal', line: 2, column: 94 }],
    },
    {
      code: `${CDK}new iam.PolicyStatement({ actions: ["sns:Publish"], principals: [new iam.ArnPrincipal("*")], resources: [topic.topicArn] });`,
      errors: [{ messageId: 'anyPrincipal', line: 2, column: 66 }],
    },
    {
      code: `${CDK}role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName("AdministratorAccess"));`,
      errors: [{ messageId: 'broadManagedPolicy', line: 2, column: 66, data: { name: 'AdministratorAccess' } }],
    },
    {
      code: `${CDK}iam.ManagedPolicy.fromManagedPolicyArn(this, "S3", "arn:aws:iam::aws:policy/AmazonS3FullAccess");`,
      errors: [{ messageId: 'broadManagedPolicy', line: 2, column: 52 }],
    },
    {
      code: `${CDK}const statement = iam.PolicyStatement.fromJson({ Effect: "Allow", Action: "*", Resource: "*" });`,
      errors: [{ messageId: 'allActions', line: 2, column: 75 }],
    },
    {
      // serverless.ts: the Serverless Framework's IAM statements, in the JSON shape.
      code: 'export default {\n  provider: { iam: { role: { statements: [\n    { Effect: "Allow", Action: ["dynamodb:Query", "dynamodb:PutItem"], Resource: "*" },\n  ] } } },\n};',
      errors: [{ messageId: 'allResources', line: 3, column: 82 }],
    },
    {
      // An SQS queue policy sent through the SDK.
      code: 'const policy = JSON.stringify({\n  Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:SendMessage", Resource: queueArn }],\n});',
      errors: [{ messageId: 'anyPrincipal', line: 2, column: 52 }],
    },
    {
      code: 'const template = { Resources: { Role: { Properties: { ManagedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] } } } };',
      errors: [{ messageId: 'broadManagedPolicy', line: 1, column: 75 }],
    },
    {
      // Built up with the statement's methods.
      code: `${CDK}const statement = new iam.PolicyStatement();\nstatement.addActions("sqs:SendMessage");\nstatement.addAllResources();\nfn.addToRolePolicy(statement);`,
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'allResources', line: 4, column: 1 }],
    },
    {
      code: `${CDK}const statement = new iam.PolicyStatement({ actions: ["s3:GetObject"], resources: [bucket.arnForObjects("*")] });\nstatement.addAnyPrincipal();\nstatement.addActions("*");`,
      // A resource policy open to anyone: the principal is the fault reported.
      errors: [{ messageId: 'anyPrincipal', line: 3, column: 1 }],
    },
    {
      code: `${CDK}const statement = new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [queue.queueArn] });\nstatement.addArnPrincipal("*");`,
      errors: [{ messageId: 'anyPrincipal', line: 3, column: 1 }],
    },
    {
      // A service wildcard for anyone but the account root is a least-privilege nit, reported by the strict config.
      code: '{ const p = { Effect: "Allow", Principal: { AWS: roleArn }, Action: "s3:*", Resource: bucketArn }; }',
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'serviceWildcard', line: 1, column: 69 }],
    },
    {
      // Accepting one action does not accept another.
      code: `${CDK}new iam.PolicyStatement({ actions: ["logs:*", "s3:*"], resources: [bucket.bucketArn] });`,
      options: [{ allowActions: ['logs:*'], reportNarrowWildcards: true }],
      errors: [{ messageId: 'serviceWildcard', line: 2, column: 47 }],
    },
    {
      // Every KMS action on every key: one report for the statement, at the action.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"kms:*\"], resources: [\"*\"] });",
      errors: [{ messageId: 'serviceWildcard', line: 2, column: 37 }],
    },
    {
      // Privilege escalation on `*`: the message names the action that escalates.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({\n  actions: [\"lambda:UpdateFunctionCode\", \"iam:PassRole\"],\n  resources: [\"*\"],\n});",
      errors: [{ messageId: 'allResources', line: 4, column: 15 }],
    },
    {
      // Every parameter of the account, SecureStrings included.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"ssm:GetParameter*\"], resources: [\"*\"] });",
      errors: [{ messageId: 'allResources', line: 2, column: 71 }],
    },
    {
      // A private API open to anyone in any VPC: no condition fences it to a network.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nimport * as apigw from \"aws-cdk-lib/aws-apigateway\";\nnew apigw.RestApi(this, \"Api\", {\n  endpointTypes: [apigw.EndpointType.PRIVATE],\n  policy: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: [\"execute-api:Invoke\"], principals: [new iam.AnyPrincipal()], resources: [\"execute-api:/*\"] })] }),\n});",
      errors: [{ messageId: 'anyPrincipal', line: 5, column: 121 }],
    },
    {
      // The strict config also reports ordinary actions on `*`.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nnew iam.PolicyStatement({ actions: [\"events:Put*\"], resources: [\"*\"] });",
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'allResources', line: 2, column: 65 }],
    },
    {
      // The strict config also reports one service's `…FullAccess` policy.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\niam.ManagedPolicy.fromAwsManagedPolicyName(\"AmazonLexFullAccess\");",
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'broadManagedPolicy', line: 2, column: 44 }],
    },
    {
      // The strict config also reports `'*'` in a resource policy: every action on that resource.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nbucket.addToResourcePolicy(new iam.PolicyStatement({ actions: [\"*\"], principals: [new iam.ArnPrincipal(roleArn)], resources: [bucket.bucketArn] }));",
      options: [{ reportNarrowWildcards: true }],
      errors: [{ messageId: 'serviceWildcard', line: 2, column: 64 }],
    },
  ],
  tsValid: [
    'import iam = require("./my-iam");\nnew iam.PolicyStatement({ actions: ["*"], resources: ["*"] });',
    `import * as iam from "aws-cdk-lib/aws-iam";\nconst actions: string[] = ["s3:GetObject"];\nnew iam.PolicyStatement({ actions, resources: [bucket.arnForObjects("*") as string] });`,
  ],
  tsInvalid: [
    {
      // TypeScript's import-equals form, common in CDK v1 code.
      code: 'import iam = require("@aws-cdk/aws-iam");\nnew iam.PolicyStatement({ actions: ["*"], resources: ["*"] });',
      errors: [{ messageId: 'allActions', line: 2, column: 37 }],
    },
    {
      code: `import * as iam from "aws-cdk-lib/aws-iam";\nconst props: iam.PolicyStatementProps = { actions: ["*"] };\nnew iam.PolicyStatement({ actions: ["*"] as string[], resources: ["*"] } satisfies iam.PolicyStatementProps);`,
      errors: [{ messageId: 'allActions', line: 3, column: 37 }],
    },
  ],
});

expectShortMessages(
  rule as never,
  { action: 'secretsmanager:GetSecretValue', service: 'secretsmanager', where: ' on these resources', name: 'AmazonDynamoDBFullAccess' },
  { allActions: { action: '*:*' }, serviceWildcard: { action: 'secretsmanager:*' } },
);
