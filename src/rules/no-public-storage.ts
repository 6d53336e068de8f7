import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { moduleOfLocals } from '../analysis/imports.js';
import { calleeName, keyName, propertyName, propertyValue, staticString, unwrap, walk } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { codeMatches } from '../util/text.js';

type MessageIds = 'publicAcl' | 'publicReadAccess' | 'grantPublicAccess' | 'makePublic' | 'publicContainer' | 'suggestPrivate';

/** S3 canned ACLs that open an object or bucket to everyone, or to every AWS account. */
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/**
 * The same grants as CloudFormation (`AccessControl: 'PublicRead'`), CDK (`BucketAccessControl.PUBLIC_READ`) and
 * Google Cloud Storage (`predefinedAcl: 'publicRead'`) spell them.
 */
const PUBLIC_ACCESS_CONTROLS = new Set([
  'PublicRead', 'PublicReadWrite', 'AuthenticatedRead', 'PUBLIC_READ', 'PUBLIC_READ_WRITE', 'AUTHENTICATED_READ',
  'publicRead', 'publicReadWrite', 'authenticatedRead',
]);
/** Keys that carry an access-control value, besides S3's `ACL`. */
const ACCESS_CONTROL_KEYS = new Set(['AccessControl', 'accessControl', 'predefinedAcl', 'predefinedDefaultObjectAcl']);
/** Azure Blob Storage public access levels: anonymous reads of blobs, or of the whole container listing. */
const AZURE_PUBLIC_ACCESS = new Set(['blob', 'container']);
/** Google Cloud Storage calls whose options may say `public: true`. */
const GCS_WRITES = new Set(['save', 'upload', 'createWriteStream']);
/** Azure container calls whose options may set `access`. */
const AZURE_CONTAINER_CREATES = new Set(['create', 'createIfNotExists', 'createContainer']);
/** A file that holds none of these words, and imports no storage SDK, cannot report: most files skip the walk. */
/** Every name `PRECHECK` looks for holds one of these: four substring searches are cheaper than the pattern. */
const mayNamePublicAccess = (text: string): boolean => ['ublic', 'UBLIC', 'uthenticated', 'UTHENTICATED'].some((part) => text.includes(part));
const PRECHECK = /public-read|authenticated-read|PublicRead|AuthenticatedRead|PUBLIC_READ|AUTHENTICATED_READ|publicRead|authenticatedRead|publicReadAccess|grantPublicAccess/;
const GCS_MODULES = /^(?:@google-cloud\/storage|firebase-admin(?:\/storage)?)$/;
const AZURE_BLOB_MODULE = '@azure/storage-blob';

type Found = { messageId: Exclude<MessageIds, 'suggestPrivate'>; node: TSESTree.Node; acl?: string };

/**
 * `websiteIndexDocument` and its siblings: an S3 website endpoint serves only public objects, so a website bucket's
 * public read is its purpose, not an accident (the files are the site anyone may load).
 */
function configuresWebsite(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((sibling) => sibling.type === AST_NODE_TYPES.Property && /^website[A-Z]/.test(keyName(sibling) ?? ''));
}

export default createRule<[], MessageIds>({
  name: 'no-public-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow making storage objects, buckets and containers public from code (S3, Google Cloud Storage, Azure Blob)',
      recommended: 'recommended',
      cwe: ['CWE-732'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      publicAcl:
        '`{{acl}}` makes this object or bucket readable by anyone (authenticated variants: any cloud account). Keep it private; hand out pre-signed URLs or use a CDN.',
      publicReadAccess:
        '`publicReadAccess: true` lets anyone read every object in this bucket, even ones put there by mistake. Keep it private; serve it with CloudFront OAC.',
      grantPublicAccess:
        '`grantPublicAccess()` opens the bucket (or the matching keys) to anyone. Serve the files through CloudFront origin access control, or use pre-signed URLs.',
      makePublic:
        'This makes the Cloud Storage object or bucket readable by anyone on the internet. Keep it private and hand out signed URLs (`file.getSignedUrl()`).',
      publicContainer:
        'Public access level `{{acl}}` lets anyone read this container\'s blobs{{listing}}. Keep access private and hand out SAS URLs with a short expiry.',
      suggestPrivate: "Use the private ACL (`'private'`) instead.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const stringOf = (node: TSESTree.Node): string | null => {
      const value = unwrap(node);
      return value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral || value.type === AST_NODE_TYPES.Identifier
        ? staticString(sourceCode, value)
        : null;
    };

    /** `ACL: 'public-read'`, `AccessControl: 'PublicRead'`, `accessControl: BucketAccessControl.PUBLIC_READ`, `predefinedAcl: 'publicRead'`. */
    const fromProperty = (property: TSESTree.Property): Found | null => {
      const key = keyName(property);
      const value = unwrap(property.value);
      if (key === 'ACL') {
        const acl = stringOf(value);
        return acl && PUBLIC_ACLS.has(acl) ? { messageId: 'publicAcl', node: value, acl } : null;
      }
      if (key && ACCESS_CONTROL_KEYS.has(key)) {
        const acl = value.type === AST_NODE_TYPES.MemberExpression ? propertyName(value) : stringOf(value);
        return acl && PUBLIC_ACCESS_CONTROLS.has(acl) ? { messageId: 'publicAcl', node: value, acl } : null;
      }
      if (key === 'publicReadAccess' && value.type === AST_NODE_TYPES.Literal && value.value === true) {
        return property.parent.type === AST_NODE_TYPES.ObjectExpression && configuresWebsite(property.parent)
          ? null
          : { messageId: 'publicReadAccess', node: value };
      }
      return null;
    };

    // The Cloud Storage and Blob Storage method names are common words: judged only where the SDK is imported.
    const imported = [...moduleOfLocals(sourceCode).values()];
    const usesGcs = imported.some((module) => GCS_MODULES.test(module));
    const usesAzureBlob = imported.includes(AZURE_BLOB_MODULE);

    /** `bucket.grantPublicAccess()`, GCS `makePublic()` and `{ public: true }`, Azure public access levels. */
    const fromCall = (call: TSESTree.CallExpression): Found | null => {
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const method = calleeName(call.callee) ?? '';
      if (method === 'grantPublicAccess') return { messageId: 'grantPublicAccess', node: call };
      if (usesGcs && method === 'makePublic') return { messageId: 'makePublic', node: call };
      if (usesGcs && GCS_WRITES.has(method)) {
        const flag = propertyValue(call.arguments.at(-1), 'public');
        return flag?.type === AST_NODE_TYPES.Literal && flag.value === true ? { messageId: 'makePublic', node: flag } : null;
      }
      if (usesAzureBlob && method === 'setAccessPolicy' && call.arguments[0]) {
        const acl = stringOf(call.arguments[0]);
        return acl && AZURE_PUBLIC_ACCESS.has(acl) ? { messageId: 'publicContainer', node: call.arguments[0], acl } : null;
      }
      if (usesAzureBlob && AZURE_CONTAINER_CREATES.has(method)) {
        const access = propertyValue(call.arguments.at(-1), 'access');
        const acl = access && stringOf(access);
        return access && acl && AZURE_PUBLIC_ACCESS.has(acl) ? { messageId: 'publicContainer', node: access, acl } : null;
      }
      return null;
    };

    return {
      'Program:exit'() {
        if (!usesGcs && !usesAzureBlob && !(mayNamePublicAccess(sourceCode.text) && codeMatches(sourceCode, PRECHECK))) return;
        walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
          const found =
            node.type === AST_NODE_TYPES.Property ? fromProperty(node) : node.type === AST_NODE_TYPES.CallExpression ? fromCall(node) : null;
          if (!found) return;
          const { node: target, acl = '' } = found;
          // Only an S3 canned ACL written as a string has a drop-in private value.
          const canned = found.messageId === 'publicAcl' && target.type === AST_NODE_TYPES.Literal && PUBLIC_ACLS.has(acl);
          const quote = sourceCode.getText(target)[0];
          context.report({
            node: target,
            messageId: found.messageId,
            data: { acl, listing: acl === 'container' ? ', and list them' : '' },
            suggest: canned ? [{ messageId: 'suggestPrivate', fix: (fixer) => fixer.replaceText(target, `${quote}private${quote}`) }] : [],
          });
        });
      },
    };
  },
});
