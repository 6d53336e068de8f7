import { iamFindings, type PolicyStatementInfo } from '../analysis/iam.js';
import { findReferences, READ, type ReferenceSpec } from '../analysis/imports.js';
import {
  ACCOUNT_LEVEL_ACTIONS,
  ADMIN_MANAGED_POLICIES,
  BROAD_MANAGED_POLICY,
  RESOURCE_SCOPED,
  SENSITIVE_ON_ALL_RESOURCES,
} from '../models/iam-actions.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ allowActions?: string[]; reportNarrowWildcards?: boolean }];
type MessageIds = 'allActions' | 'serviceWildcard' | 'notAction' | 'allResources' | 'anyPrincipal' | 'broadManagedPolicy';

/** An IAM pattern (`s3:Get*`) as a case-insensitive regular expression. */
const globCache = new Map<string, RegExp>();
function glob(pattern: string): RegExp {
  let regex = globCache.get(pattern);
  if (!regex) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    globCache.set(pattern, (regex = new RegExp(`^${body}$`, 'i')));
  }
  return regex;
}

/** The action can only be granted on `*` (its text, wildcards and all, is covered by a catalogue entry). */
const onlyOnAllResources = (action: string): boolean => ACCOUNT_LEVEL_ACTIONS.some((entry) => glob(entry).test(action));
/** The action (or some action its wildcard covers) escalates privileges or reads every secret or store. */
const sensitiveAction = (action: string): string | undefined => SENSITIVE_ON_ALL_RESOURCES.find((entry) => glob(action).test(entry));

function service(action: string): string {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : '';
}

function verb(action: string): string {
  return action.slice(action.indexOf(':') + 1);
}

/** A private API Gateway endpoint, reachable only through VPC endpoints: its resource policy is its only gate. */
const APIGATEWAY = { EndpointType: { PRIVATE: { [READ]: true } } };
const PRIVATE_API: ReferenceSpec<boolean> = {
  modules: { 'aws-cdk-lib/aws-apigateway': APIGATEWAY, 'aws-cdk-lib': { aws_apigateway: APIGATEWAY }, '@aws-cdk/aws-apigateway': APIGATEWAY },
};
/** Deny conditions that fence a private API to a network: its VPC endpoints, VPCs or address ranges. */
const NETWORK_CONDITION_KEYS = ['aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip', 'aws:vpcsourceip'];

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-iam',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IAM statements that allow every action, every resource or every principal',
      recommended: 'recommended',
      cwe: ['CWE-250', 'CWE-732'],
      strictOptions: { reportNarrowWildcards: true },
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
          reportNarrowWildcards: {
            type: 'boolean',
            description:
              'Also report least-privilege nits with a bounded blast radius: a service wildcard on named resources, an ordinary action on `*`, a single-service `…FullAccess` policy.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      allActions: "`'{{action}}'` allows every action on every AWS service: a compromised function owns the account. List the actions it calls, or use `grant*` methods.",
      serviceWildcard: "`'{{action}}'` allows every {{service}} action{{where}}, deletes included. List the actions the code calls, or use a `grant*` method.",
      notAction: '`NotAction` with `Allow` grants every action not listed, and every action AWS adds later. List the actions to allow instead.',
      allResources: "`'*'` lets `{{action}}` reach every {{service}} resource in the account. Name the resource ARNs, or use a `grant*` method.",
      anyPrincipal: 'Any principal is allowed and no condition limits it. Name the principals, or add a condition on `aws:SourceArn`, `aws:SourceAccount` or `aws:PrincipalOrgID`.',
      broadManagedPolicy: 'The AWS managed policy `{{name}}` grants far more than one function needs. Attach only the actions it calls, or use `grant*` methods.',
    },
  },
  defaultOptions: [{ allowActions: [], reportNarrowWildcards: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    const accepted = new Set(options.allowActions ?? []);
    const narrow = options.reportNarrowWildcards === true;
    let privateApi: boolean | undefined;
    let denyKeys = new Set<string>();

    /** `AnyPrincipal` + `execute-api:Invoke` is how a public API Gateway's resource policy reads; a private one needs a network fence. */
    const openApiOnPurpose = (statement: PolicyStatementInfo): boolean => {
      const actions = statement.actions ?? [];
      if (actions.length === 0 || !actions.every((action) => /^execute-api:(?:Invoke|\*)$/i.test(action.value))) return false;
      privateApi ??= findReferences(sourceCode, PRIVATE_API).length > 0;
      return !privateApi || NETWORK_CONDITION_KEYS.some((key) => denyKeys.has(key));
    };

    /** One report per statement, for its worst fault; the narrow ones only with `reportNarrowWildcards`. */
    const check = (statement: PolicyStatementInfo): void => {
      // A key or bucket policy that grants the account root hands the decision to IAM, where the real grants are judged.
      const actions = statement.onlyAccountRoots ? [] : (statement.actions ?? []).filter((action) => !accepted.has(action.value));
      // In a resource policy (it names principals) `'*'` is the resource it is attached to.
      const resourcePolicy = statement.hasPrincipals;
      const allResources = resourcePolicy ? undefined : statement.resources?.find((resource) => resource.value === '*');
      const everyAction = actions.find((action) => action.value === '*' || action.value === '*:*');
      const serviceWildcard = actions.find((action) => action !== everyAction && verb(action.value) === '*' && service(action.value));
      const wildcard = (action: { value: string; node: PolicyStatementInfo['node'] }, bounded: boolean): void => {
        const where = bounded ? (resourcePolicy ? ' on this resource' : ' on these resources') : ' on every resource';
        const name = service(action.value) || 'AWS';
        context.report({ node: action.node, messageId: 'serviceWildcard', data: { action: action.value, service: name, where } });
      };

      if (everyAction && !resourcePolicy) {
        context.report({ node: everyAction.node, messageId: 'allActions', data: { action: everyAction.value } });
        return;
      }
      if (statement.anyPrincipals.length > 0 && !statement.hasConditions && !openApiOnPurpose(statement)) {
        context.report({ node: statement.anyPrincipals[0]!, messageId: 'anyPrincipal' });
        return;
      }
      if (statement.notActions && !statement.onlyAccountRoots) {
        context.report({ node: statement.notActions, messageId: 'notAction' });
        return;
      }
      if (serviceWildcard && allResources) return wildcard(serviceWildcard, false);
      const unconditionedAll = allResources && !statement.hasConditions ? allResources : undefined;
      const onAll = unconditionedAll ? actions.filter((action) => !onlyOnAllResources(action.value)) : [];
      const sensitive = onAll.find((action) => sensitiveAction(action.value));
      if (unconditionedAll && sensitive) {
        context.report({ node: unconditionedAll.node, messageId: 'allResources', data: { action: sensitive.value, service: service(sensitive.value) } });
        return;
      }
      if (!narrow) return;
      // A resource policy's wildcard narrowed by a condition (`s3:DataAccessPointAccount`) delegates on purpose.
      const bounded = everyAction ?? serviceWildcard;
      if (bounded && !(resourcePolicy && statement.hasConditions)) return wildcard(bounded, true);
      const scoped = onAll.find((action) => RESOURCE_SCOPED.has(service(action.value)));
      if (unconditionedAll && scoped) {
        context.report({ node: unconditionedAll.node, messageId: 'allResources', data: { action: scoped.value, service: service(scoped.value) } });
      }
    };

    return {
      'Program:exit'() {
        const { statements, managedPolicies, denyConditionKeys } = iamFindings(sourceCode);
        denyKeys = denyConditionKeys;
        for (const statement of statements) check(statement);
        for (const use of managedPolicies) {
          const admin = ADMIN_MANAGED_POLICIES.includes(use.name);
          if (admin || (narrow && BROAD_MANAGED_POLICY.test(use.name))) {
            context.report({ node: use.node, messageId: 'broadManagedPolicy', data: { name: use.name } });
          }
        }
      },
    };
  },
});
