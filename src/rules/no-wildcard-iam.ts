import { iamFindings, type PolicyStatementInfo } from '../analysis/iam.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ allowActions?: string[] }];
type MessageIds = 'allActions' | 'serviceWildcard' | 'notAction' | 'allResources' | 'anyPrincipal' | 'broadManagedPolicy';

/**
 * Services whose actions can be limited to named resources, and where `Resource: '*'` means "every table, bucket,
 * queue, secret, key or function in the account". (X-Ray, CloudWatch metrics and the like take only `*`.)
 */
const RESOURCE_SCOPED = new Set([
  's3', 'dynamodb', 'sqs', 'sns', 'secretsmanager', 'ssm', 'kms', 'lambda', 'kinesis', 'firehose', 'states', 'iam',
  'sts', 'rds-data', 'rds-db', 'events', 'cognito-idp', 'appsync', 'elasticfilesystem', 'ecr', 'glue', 'athena',
]);

/** Actions that AWS only lets you grant on `*`: listing, describing, and a few account-level calls. */
const ACCOUNT_LEVEL_ACTIONS = new Set([
  'kms:CreateKey', 'kms:GenerateRandom', 'secretsmanager:GetRandomPassword', 'sts:GetCallerIdentity', 'ecr:GetAuthorizationToken',
]);
const onlyOnAllResources = (action: string): boolean => /^(?:List|Describe)/.test(verb(action)) || ACCOUNT_LEVEL_ACTIONS.has(action);

/** AWS managed policies that grant a whole service, or the whole account. */
const BROAD_MANAGED_POLICY = /^(?:AdministratorAccess|PowerUserAccess)$|FullAccess$/;

function service(action: string): string {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : '';
}

function verb(action: string): string {
  return action.slice(action.indexOf(':') + 1);
}

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-iam',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IAM statements that allow every action, every resource or every principal',
      recommended: 'recommended',
      cwe: ['CWE-250', 'CWE-732'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowActions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: "Action patterns the team accepts as written (`'logs:*'`), exactly as they appear in the policy.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      allActions:
        "`'{{action}}'` allows every action on every AWS service: whoever takes over this function (an injection, a leaked token) takes over the account. List the actions the code calls, or use the resource's `grant*` method (`table.grantReadData(fn)`).",
      serviceWildcard:
        "`'{{action}}'` allows every {{service}} action, deletes and policy changes included. List the actions the function calls (`{{service}}:{{example}}`, …), or use the resource's `grant*` method.",
      notAction:
        '`NotAction` with `Allow` grants every action except those listed, and every action AWS adds later. List the actions to allow instead.',
      allResources:
        "`'*'` lets `{{action}}` reach every {{service}} resource in the account, not only this function's. Name the resource ARNs (`table.tableArn`, `bucket.arnForObjects('*')`), or use the resource's `grant*` method.",
      anyPrincipal:
        'This statement allows any principal (anyone with an AWS account, or no account at all) and no condition limits it. Name the principals, or add a condition such as `aws:SourceAccount`, `aws:SourceArn` or `aws:PrincipalOrgID`.',
      broadManagedPolicy:
        'The AWS managed policy `{{name}}` grants far more than one function needs. Attach a policy with only the actions it calls, or use the resources\' `grant*` methods.',
    },
  },
  defaultOptions: [{ allowActions: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const accepted = new Set(options.allowActions ?? []);

    const check = (statement: PolicyStatementInfo): void => {
      let everyAction = false;
      // A key policy's `kms:*` for the account root hands the key to IAM, where the real grants are judged.
      const actions = statement.onlyAccountRoots ? [] : (statement.actions ?? []);
      for (const action of actions) {
        if (accepted.has(action.value)) continue;
        if (action.value === '*' || action.value === '*:*') {
          everyAction = true;
          context.report({ node: action.node, messageId: 'allActions', data: { action: action.value } });
        } else if (verb(action.value) === '*' && service(action.value)) {
          const name = service(action.value);
          const example = name === 's3' ? 'GetObject' : name === 'dynamodb' ? 'GetItem' : name === 'sqs' ? 'SendMessage' : 'Get…';
          context.report({ node: action.node, messageId: 'serviceWildcard', data: { action: action.value, service: name, example } });
        }
      }
      if (statement.notActions) context.report({ node: statement.notActions, messageId: 'notAction' });
      // In a resource policy `'*'` is the resource it is attached to.
      if (!everyAction && !statement.hasPrincipals && statement.actions && statement.resources) {
        // Only where a narrower grant exists: `xray:PutTraceSegments` or `ec2:Describe*` cannot name a resource.
        const scoped = statement.actions.find(
          (action) => RESOURCE_SCOPED.has(service(action.value)) && !onlyOnAllResources(action.value) && !accepted.has(action.value),
        );
        const all = statement.resources.find((resource) => resource.value === '*');
        if (scoped && all) {
          context.report({ node: all.node, messageId: 'allResources', data: { action: scoped.value, service: service(scoped.value) } });
        }
      }
      if (!statement.hasConditions) {
        for (const principal of statement.anyPrincipals) context.report({ node: principal, messageId: 'anyPrincipal' });
      }
    };

    return {
      'Program:exit'() {
        const { statements, managedPolicies } = iamFindings(sourceCode);
        for (const statement of statements) check(statement);
        for (const use of managedPolicies) {
          if (BROAD_MANAGED_POLICY.test(use.name)) context.report({ node: use.node, messageId: 'broadManagedPolicy', data: { name: use.name } });
        }
      },
    };
  },
});
