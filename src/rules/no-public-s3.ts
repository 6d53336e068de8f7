import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { keyName, propertyName, staticString, unwrap, walk } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'publicAcl' | 'publicReadAccess' | 'grantPublicAccess' | 'suggestPrivate';

/** Canned ACLs that open an object or bucket to everyone, or to every AWS account. */
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/** The same grants as CloudFormation (`AccessControl: 'PublicRead'`) and CDK (`BucketAccessControl.PUBLIC_READ`) spell them. */
const PUBLIC_ACCESS_CONTROLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead', 'PUBLIC_READ', 'PUBLIC_READ_WRITE', 'AUTHENTICATED_READ']);
/** A file that holds none of these words cannot report: most files skip the walk. */
const PRECHECK = /public-read|authenticated-read|PublicRead|AuthenticatedRead|PUBLIC_READ|AUTHENTICATED_READ|publicReadAccess|grantPublicAccess/;

/** The ACL a property sets, as written: `ACL: 'public-read'`, `AccessControl: 'PublicRead'`, `accessControl: BucketAccessControl.PUBLIC_READ`. */
function publicAclOf(property: TSESTree.Property, literalValue: (node: TSESTree.Node) => string | null): { acl: string; node: TSESTree.Node } | null {
  const key = keyName(property);
  const value = unwrap(property.value);
  if (key === 'ACL') {
    const acl = literalValue(value);
    return acl && PUBLIC_ACLS.has(acl) ? { acl, node: value } : null;
  }
  if (key === 'AccessControl' || key === 'accessControl') {
    const acl = value.type === AST_NODE_TYPES.MemberExpression ? propertyName(value) : literalValue(value);
    return acl && PUBLIC_ACCESS_CONTROLS.has(acl) ? { acl, node: value } : null;
  }
  return null;
}

/**
 * `websiteIndexDocument` and its siblings: an S3 website endpoint serves only public objects, so a website bucket's
 * public read is its purpose, not an accident (the files are the site anyone may load).
 */
function configuresWebsite(property: TSESTree.Property): boolean {
  const object = property.parent;
  return (
    object.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some((sibling) => sibling.type === AST_NODE_TYPES.Property && /^website[A-Z]/.test(keyName(sibling) ?? ''))
  );
}

export default createRule<[], MessageIds>({
  name: 'no-public-s3',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow making S3 objects and buckets public from code: public ACLs, `publicReadAccess`, `grantPublicAccess`',
      recommended: 'recommended',
      cwe: ['CWE-732'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      publicAcl:
        "`{{acl}}` makes this object or bucket readable by anyone (or, for `authenticated-read`, by every AWS account in the world). Keep it private and hand out pre-signed URLs (`getSignedUrl`), or serve it through CloudFront with origin access control.",
      publicReadAccess:
        '`publicReadAccess: true` lets anyone on the internet read every object in this bucket, including ones written later by mistake. Keep the bucket private and serve it through CloudFront with origin access control (`S3BucketOrigin.withOriginAccessControl`).',
      grantPublicAccess:
        '`grantPublicAccess()` opens the bucket (or the matching keys) to anyone on the internet. Serve the files through CloudFront with origin access control, or hand out pre-signed URLs.',
      suggestPrivate: "Use the private ACL (`'private'`) instead.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const literalValue = (node: TSESTree.Node): string | null =>
      node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.Identifier
        ? staticString(sourceCode, node)
        : null;

    return {
      'Program:exit'() {
        if (!PRECHECK.test(sourceCode.text)) return;
        walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
          if (node.type === AST_NODE_TYPES.Property) {
            const found = publicAclOf(node, literalValue);
            if (found) {
              const canned = found.node.type === AST_NODE_TYPES.Literal && PUBLIC_ACLS.has(found.acl);
              context.report({
                node: found.node,
                messageId: 'publicAcl',
                data: { acl: found.acl },
                suggest: canned
                  ? [{ messageId: 'suggestPrivate', fix: (fixer) => fixer.replaceText(found.node, `${sourceCode.getText(found.node)[0]}private${sourceCode.getText(found.node)[0]}`) }]
                  : [],
              });
            } else if (keyName(node) === 'publicReadAccess' && !configuresWebsite(node)) {
              const value = unwrap(node.value);
              if (value.type === AST_NODE_TYPES.Literal && value.value === true) context.report({ node: value, messageId: 'publicReadAccess' });
            }
          } else if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.MemberExpression &&
            propertyName(node.callee) === 'grantPublicAccess'
          ) {
            context.report({ node, messageId: 'grantPublicAccess' });
          }
        });
      },
    };
  },
});
