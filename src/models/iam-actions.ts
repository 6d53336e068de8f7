/**
 * What IAM actions grant, as data: which ones AWS only lets you grant on `Resource: '*'`, which ones hand over the
 * account, its secrets or its data when granted on `'*'`, and which AWS managed policies amount to an administrator.
 * Patterns use IAM's own wildcards (`*`, `?`) and are matched without regard to case, as IAM does.
 */

/**
 * Services whose actions can be limited to named resources, and where `Resource: '*'` means "every table, bucket,
 * queue, secret, key or function in the account". Outside them a `'*'` resource is usually the only choice.
 */
export const RESOURCE_SCOPED: ReadonlySet<string> = new Set([
  's3', 'dynamodb', 'sqs', 'sns', 'secretsmanager', 'ssm', 'kms', 'lambda', 'kinesis', 'firehose', 'states', 'iam',
  'sts', 'rds-data', 'rds-db', 'events', 'cognito-idp', 'appsync', 'elasticfilesystem', 'ecr', 'glue', 'athena',
]);

/**
 * Actions with no resource-level permissions: the only resource they can be granted on is `'*'`, so a `'*'`
 * resource is what AWS's own documentation writes and is not a finding. (Service Authorization Reference, the
 * "Resource types" column is empty for each of these.)
 */
export const ACCOUNT_LEVEL_ACTIONS: readonly string[] = [
  // X-Ray's write and sampling APIs: the tracing SDKs and Lambda's active tracing need exactly these on `*`.
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:Put*',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  // CloudWatch custom metrics (Powertools Metrics, the embedded metric format) take no resource.
  'cloudwatch:PutMetricData',
  'cloudwatch:GetMetricData',
  'cloudwatch:GetMetricStatistics',
  // The token `docker login` uses; pulls themselves are scoped to repositories.
  'ecr:GetAuthorizationToken',
  // SMS to a phone number can only be granted on `*`; a statement cannot tell it from a topic publish, and either
  // way it is a narrow write.
  'sns:Publish',
  // Account-wide calls without a resource: listing, random bytes, new keys, who-am-I.
  'logs:DescribeLogGroups',
  'kms:CreateKey',
  'kms:GenerateRandom',
  'kms:ListAliases',
  'kms:ListKeys',
  'secretsmanager:GetRandomPassword',
  'secretsmanager:ListSecrets',
  'sts:GetCallerIdentity',
  'ssm:DescribeParameters',
  's3:ListAllMyBuckets',
  'sqs:ListQueues',
  'sns:ListTopics',
  'dynamodb:ListTables',
  'lambda:ListFunctions',
  'events:PutPartnerEvents',
  // A VPC-attached function's network interfaces (the AWSLambdaVPCAccessExecutionRole actions).
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  // Read-only listing and describing: AWS grants most of these only on `*`, and none of them reads data.
  '*:Describe*',
  '*:List*',
];

/**
 * Actions whose grant on every resource of the account, with no condition, is worth fixing on day one: they let a
 * compromised function escalate to other roles, read every secret, decrypt everything, or replace other code.
 */
export const SENSITIVE_ON_ALL_RESOURCES: readonly string[] = [
  // Privilege escalation: pass or assume any role, or write any policy.
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'sts:AssumeRole',
  // Every secret and every parameter (SecureString values included), and every key's plaintext.
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kms:Decrypt',
  'kms:CreateGrant',
  // Replacing another function's code runs as that function's role.
  'lambda:UpdateFunctionCode',
  // Reading every bucket and every table of the account.
  's3:GetObject',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
];

/**
 * AWS managed policies that amount to an administrator, or to the data or identity plane of a whole service. Other
 * `…FullAccess` policies (Lex, Inspector, CloudWatch…) give one service's control plane to a role: a least-privilege
 * nit, reported only with `reportNarrowWildcards`.
 */
export const ADMIN_MANAGED_POLICIES: readonly string[] = [
  'AdministratorAccess',
  'PowerUserAccess',
  'IAMFullAccess',
  'AmazonS3FullAccess',
  'AmazonDynamoDBFullAccess',
  'SecretsManagerReadWrite',
  'AmazonSSMFullAccess',
  'AWSLambda_FullAccess',
  'AWSLambdaFullAccess',
  'AmazonEC2FullAccess',
  'AmazonRDSFullAccess',
  'AmazonSQSFullAccess',
  'AmazonSNSFullAccess',
  'AmazonKinesisFullAccess',
  'AWSCloudFormationFullAccess',
  'AmazonCognitoPowerUser',
];

/** Every managed policy whose name says it grants a whole service. */
export const BROAD_MANAGED_POLICY = /^(?:AdministratorAccess|PowerUserAccess|AmazonCognitoPowerUser)$|FullAccess$|ReadWrite$/;
