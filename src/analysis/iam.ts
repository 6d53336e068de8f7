import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, keyName, propertyName, staticString, unwrap, valueUses, walk } from '../util/ast.js';
import { CALL, CONSTRUCT, findReferences, type ReferenceSpec } from './imports.js';

type Node = TSESTree.Node;

/**
 * IAM policy statements written in code: CDK `new PolicyStatement({ actions, resources })` and the JSON shape
 * (`{ Effect: 'Allow', Action, Resource }`) used by `PolicyStatement.fromJson`, `serverless.ts`, CloudFormation
 * objects and SDK calls. What a rule needs to judge how much a statement grants.
 */
export interface PolicyStatementInfo {
  /** The node reported when the statement as a whole is at fault. */
  node: Node;
  /** Each action string with the node it is written in; null when some action is computed at run time. */
  actions: Strings | null;
  /** `NotAction` / `notActions`: allow everything except… */
  notActions: Node | null;
  resources: Strings | null;
  /** Principal nodes that stand for anyone: `'*'`, `{ AWS: '*' }`, `new AnyPrincipal()`, `new StarPrincipal()`. */
  anyPrincipals: Node[];
  /**
   * A resource-based policy (a bucket, queue, topic or key policy): it names principals, and its `'*'` resource
   * means the resource it is attached to.
   */
  hasPrincipals: boolean;
  /** Every principal is an account root (`arn:aws:iam::111122223333:root`, `AccountRootPrincipal`): delegation to IAM. */
  onlyAccountRoots: boolean;
  hasConditions: boolean;
}

type Found = 'statement' | 'statementJson' | 'managedPolicyName' | 'managedPolicyArn';

const IAM_MODULE = {
  PolicyStatement: { [CONSTRUCT]: 'statement' as Found, fromJson: { [CALL]: 'statementJson' as Found } },
  ManagedPolicy: {
    fromAwsManagedPolicyName: { [CALL]: 'managedPolicyName' as Found },
    fromManagedPolicyArn: { [CALL]: 'managedPolicyArn' as Found },
  },
};
const CDK_IAM: ReferenceSpec<Found> = {
  modules: {
    'aws-cdk-lib/aws-iam': IAM_MODULE,
    'aws-cdk-lib': { aws_iam: IAM_MODULE },
    '@aws-cdk/aws-iam': IAM_MODULE,
  },
};

type Strings = { value: string; node: Node }[];

/** Each static string of a value written as one string or an array of strings; null if any is computed. */
function stringList(sourceCode: TSESLint.SourceCode, node: Node | null | undefined): Strings | null {
  if (!node) return [];
  const value = unwrap(node);
  return staticStrings(sourceCode, value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value]);
}

/** The static strings among `elements` (array items or call arguments); null if any is computed or spread. */
function staticStrings(sourceCode: TSESLint.SourceCode, elements: readonly (Node | null)[]): Strings | null {
  const out: Strings = [];
  for (const element of elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return null;
    const text = staticString(sourceCode, element);
    if (text === null) return null;
    out.push({ value: text, node: element });
  }
  return out;
}

function propertiesOf(object: TSESTree.ObjectExpression): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = keyName(property);
    if (name !== null) map.set(name, property.value);
  }
  return map;
}

/** `new AnyPrincipal()`, `new StarPrincipal()`, `new ArnPrincipal('*')` in a CDK `principals` list. */
function cdkAnyPrincipals(sourceCode: TSESLint.SourceCode, node: Node | undefined): Node[] {
  const value = node && unwrap(node);
  return value?.type === AST_NODE_TYPES.ArrayExpression ? anyPrincipalsAmong(sourceCode, value.elements) : [];
}

function anyPrincipalsAmong(sourceCode: TSESLint.SourceCode, elements: readonly (Node | null)[]): Node[] {
  return elements.filter((element): element is TSESTree.NewExpression => {
    const item = element && unwrap(element);
    if (item?.type !== AST_NODE_TYPES.NewExpression) return false;
    const name = calleeName(item.callee);
    if (name === 'AnyPrincipal' || name === 'StarPrincipal') return true;
    return name === 'ArnPrincipal' && !!item.arguments[0] && staticString(sourceCode, item.arguments[0]) === '*';
  });
}

/**
 * `principals: [new AccountRootPrincipal()]`, `new AccountPrincipal(id)` or `new ArnPrincipal('arn:aws:iam::…:root')`
 * and nothing else: the principal is an account, whose own IAM policies decide who may act.
 */
function cdkOnlyAccountRoots(sourceCode: TSESLint.SourceCode, node: Node | undefined): boolean {
  const value = node && unwrap(node);
  return (
    value?.type === AST_NODE_TYPES.ArrayExpression &&
    value.elements.length > 0 &&
    value.elements.every((element) => {
      const item = element && unwrap(element);
      if (item?.type !== AST_NODE_TYPES.NewExpression) return false;
      const name = calleeName(item.callee);
      if (name === 'AccountRootPrincipal' || name === 'AccountPrincipal') return true;
      return name === 'ArnPrincipal' && !!item.arguments[0] && isAccountRoot(sourceCode, item.arguments[0]);
    })
  );
}

const ACCOUNT_ROOT = /^(?:arn:(?:aws[\w-]*|\$\{\}):iam::(?:\d{12}|\$\{\}):root|\d{12})$/;

/**
 * `'arn:aws:iam::111122223333:root'`, or a template that can only spell an account root
 * (`` `arn:aws:iam::${this.account}:root` ``, `` `arn:${Aws.PARTITION}:iam::${id}:root` ``).
 */
function isAccountRoot(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  const value = unwrap(node);
  const text = staticString(sourceCode, value);
  if (text !== null) return ACCOUNT_ROOT.test(text);
  if (value.type !== AST_NODE_TYPES.TemplateLiteral) return false;
  return ACCOUNT_ROOT.test(value.quasis.map((quasi) => quasi.value.cooked ?? '').join('${}'));
}

/** `Principal: { AWS: 'arn:aws:iam::111122223333:root' }` (or a list of such), and nothing else. */
function jsonOnlyAccountRoots(sourceCode: TSESLint.SourceCode, node: Node | undefined): boolean {
  const value = node && unwrap(node);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const p = propertiesOf(value);
  const aws = p.get('AWS');
  if (p.size !== 1 || !aws) return false;
  const inner = unwrap(aws);
  const entries = inner.type === AST_NODE_TYPES.ArrayExpression ? inner.elements : [inner];
  return entries.length > 0 && entries.every((entry) => !!entry && entry.type !== AST_NODE_TYPES.SpreadElement && isAccountRoot(sourceCode, entry));
}

/** `Principal: '*'` or `Principal: { AWS: '*' }` (or `['*']`) in the JSON shape. */
function jsonAnyPrincipals(sourceCode: TSESLint.SourceCode, node: Node | undefined): Node[] {
  if (!node) return [];
  const value = unwrap(node);
  if (staticString(sourceCode, value) === '*') return [value];
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const aws = propertiesOf(value).get('AWS');
  return aws && stringList(sourceCode, aws)?.some((entry) => entry.value === '*') ? [aws] : [];
}

/** CDK props: `effect` missing or `Effect.ALLOW` allows; `Effect.DENY` or a computed effect is not judged. */
function cdkAllows(effect: Node | undefined): boolean {
  if (!effect) return true;
  const value = unwrap(effect);
  return value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'ALLOW';
}

function fromCdkProps(sourceCode: TSESLint.SourceCode, node: Node, props: Node | undefined): PolicyStatementInfo | null {
  const object = props && unwrap(props);
  if (object && object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const p = object ? propertiesOf(object) : new Map<string, Node>();
  if (!cdkAllows(p.get('effect'))) return null;
  const statement: PolicyStatementInfo = {
    node,
    actions: stringList(sourceCode, p.get('actions')),
    notActions: p.get('notActions') ?? null,
    resources: stringList(sourceCode, p.get('resources')),
    anyPrincipals: cdkAnyPrincipals(sourceCode, p.get('principals')),
    hasPrincipals: p.has('principals'),
    onlyAccountRoots: p.has('principals') && cdkOnlyAccountRoots(sourceCode, p.get('principals')),
    hasConditions: p.has('conditions'),
  };
  addMethodCalls(sourceCode, node, statement);
  return statement;
}

/** `const s = new PolicyStatement(); s.addActions('*'); s.addAllResources(); s.addAnyPrincipal();` */
function addMethodCalls(sourceCode: TSESLint.SourceCode, creation: Node, statement: PolicyStatementInfo): void {
  const append = (list: Strings | null, args: readonly Node[]): Strings | null => {
    const added = list && staticStrings(sourceCode, args);
    return list && added ? [...list, ...added] : null;
  };
  for (const use of valueUses(sourceCode, creation)) {
    const member = use.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) {
      continue;
    }
    switch (propertyName(member)) {
      case 'addActions':
        statement.actions = append(statement.actions, call.arguments);
        break;
      case 'addResources':
        statement.resources = append(statement.resources, call.arguments);
        break;
      case 'addAllResources':
        statement.resources = statement.resources && [...statement.resources, { value: '*', node: call }];
        break;
      case 'addNotActions':
        statement.notActions ??= call;
        break;
      case 'addAnyPrincipal':
        statement.anyPrincipals.push(call);
        statement.hasPrincipals = true;
        statement.onlyAccountRoots = false;
        break;
      case 'addAccountRootPrincipal':
        statement.onlyAccountRoots = !statement.hasPrincipals || statement.onlyAccountRoots;
        statement.hasPrincipals = true;
        break;
      case 'addArnPrincipal':
        if (call.arguments[0] && staticString(sourceCode, call.arguments[0]) === '*') statement.anyPrincipals.push(call);
        statement.hasPrincipals = true;
        statement.onlyAccountRoots = false;
        break;
      case 'addPrincipals':
      case 'addAwsAccountPrincipal':
      case 'addServicePrincipal':
      case 'addFederatedPrincipal':
      case 'addCanonicalUserPrincipal':
        statement.anyPrincipals.push(...anyPrincipalsAmong(sourceCode, call.arguments));
        statement.hasPrincipals = true;
        statement.onlyAccountRoots = false;
        break;
      case 'addCondition':
      case 'addConditions':
        statement.hasConditions = true;
        break;
      default:
        break;
    }
  }
}

function fromJsonStatement(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression): PolicyStatementInfo | null {
  const p = propertiesOf(object);
  const effect = p.get('Effect');
  if (!effect || staticString(sourceCode, effect) !== 'Allow') return null;
  if (!p.has('Action') && !p.has('NotAction') && !p.has('Principal')) return null;
  return {
    node: object,
    actions: stringList(sourceCode, p.get('Action')),
    notActions: p.get('NotAction') ?? null,
    resources: stringList(sourceCode, p.get('Resource')),
    anyPrincipals: jsonAnyPrincipals(sourceCode, p.get('Principal')),
    hasPrincipals: p.has('Principal') || p.has('NotPrincipal'),
    onlyAccountRoots: jsonOnlyAccountRoots(sourceCode, p.get('Principal')),
    hasConditions: p.has('Condition'),
  };
}

/** `Effect: 'Allow'` or `"Effect": "Allow"`: a cheap test that spares most files the walk. */
const JSON_EFFECT = /["']?Effect["']?\s*:\s*["'`]Allow/;

export interface ManagedPolicyUse {
  /** The policy name (`AdministratorAccess`) and the string that names it. */
  name: string;
  node: Node;
}

const MANAGED_POLICY_ARN = /^arn:aws[\w-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

export interface IamFindings {
  statements: PolicyStatementInfo[];
  managedPolicies: ManagedPolicyUse[];
  /**
   * The condition keys of the file's Deny statements, lower-cased (`aws:sourcevpce`): an API Gateway resource
   * policy that allows `*` and denies every request from outside a VPC endpoint or an IP range is not open.
   */
  denyConditionKeys: Set<string>;
}

/** `{ StringNotEquals: { 'aws:SourceVpce': id } }` → `aws:sourcevpce`. */
function conditionKeysOf(conditions: Node | undefined, into: Set<string>): void {
  const value = conditions && unwrap(conditions);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const operator of propertiesOf(value).values()) {
    const inner = unwrap(operator);
    if (inner.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const key of propertiesOf(inner).keys()) into.add(key.toLowerCase());
  }
}

/** The condition keys of a Deny statement, written as CDK props or in the JSON shape. */
function collectDenyConditions(sourceCode: TSESLint.SourceCode, object: Node | undefined, into: Set<string>): void {
  const value = object && unwrap(object);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return;
  const p = propertiesOf(value);
  const cdkEffect = p.get('effect') && unwrap(p.get('effect')!);
  if (cdkEffect?.type === AST_NODE_TYPES.MemberExpression && propertyName(cdkEffect) === 'DENY') conditionKeysOf(p.get('conditions'), into);
  const jsonEffect = p.get('Effect');
  if (jsonEffect && staticString(sourceCode, jsonEffect) === 'Deny') conditionKeysOf(p.get('Condition'), into);
}

const cache = new WeakMap<TSESTree.Program, IamFindings>();

/** Every IAM statement and AWS managed policy the file writes, CDK or JSON. */
export function iamFindings(sourceCode: TSESLint.SourceCode): IamFindings {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const found: IamFindings = { statements: [], managedPolicies: [], denyConditionKeys: new Set() };
  cache.set(sourceCode.ast, found);

  for (const ref of findReferences(sourceCode, CDK_IAM)) {
    const node = ref.node;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) continue;
    const [first, , third] = node.arguments;
    if (ref.info === 'statement') {
      collectDenyConditions(sourceCode, first, found.denyConditionKeys);
      const statement = fromCdkProps(sourceCode, node, first);
      if (statement) found.statements.push(statement);
    } else if (ref.info === 'statementJson') {
      const object = first && unwrap(first);
      if (object?.type === AST_NODE_TYPES.ObjectExpression) {
        const statement = fromJsonStatement(sourceCode, object);
        if (statement) found.statements.push(statement);
      }
    } else {
      // fromAwsManagedPolicyName(name); fromManagedPolicyArn(scope, id, arn).
      const nameNode = ref.info === 'managedPolicyName' ? first : third;
      const text = nameNode && staticString(sourceCode, nameNode);
      const name = ref.info === 'managedPolicyName' ? text : text && MANAGED_POLICY_ARN.exec(text)?.[1];
      if (name && nameNode) found.managedPolicies.push({ name, node: nameNode });
    }
  }

  const text = sourceCode.text;
  const jsonStatements = text.includes('Allow') && JSON_EFFECT.test(text);
  const jsonDenies = text.includes('Deny');
  const arns = text.includes(':iam::aws:policy/');
  if (jsonStatements || arns || jsonDenies) {
    const seen = new Set(found.managedPolicies.map((use) => use.node));
    walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (jsonDenies && node.type === AST_NODE_TYPES.ObjectExpression) collectDenyConditions(sourceCode, node, found.denyConditionKeys);
      if (jsonStatements && node.type === AST_NODE_TYPES.ObjectExpression) {
        // `PolicyStatement.fromJson({...})` was read above from the import.
        if (found.statements.some((statement) => statement.node === node)) return;
        const statement = fromJsonStatement(sourceCode, node);
        if (statement) found.statements.push(statement);
      } else if (arns && node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && !seen.has(node)) {
        // `ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess']` in CloudFormation-shaped objects.
        const name = MANAGED_POLICY_ARN.exec(node.value)?.[1];
        if (name) found.managedPolicies.push({ name, node });
      }
    });
  }
  return found;
}
