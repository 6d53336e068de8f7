import rule from '../../src/rules/no-public-storage.js';
import { testRule } from '../rule-tester.js';

testRule('no-public-storage', rule, {
  valid: [
    "await s3.putObject({ Bucket: bucket, Key: key, Body: body, ACL: 'private' }).promise();",
    "await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ACL: 'bucket-owner-full-control' }));",
    'await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));',
    // Computed, or not an ACL at all.
    'await s3.putObject({ Bucket: bucket, Key: key, ACL: acl });',
    "const labels = { public: 'public-read' }; const text = 'public-read';",
    "const bucket = new s3.Bucket(this, 'Site', { publicReadAccess: false, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });",
    "new s3.Bucket(this, 'Logs', { accessControl: s3.BucketAccessControl.LOG_DELIVERY_WRITE });",
    'bucket.grantRead(fn); bucket.grantPublicRead = true;',
    // Google Cloud Storage and Azure Blob Storage: private by default, and method names judged only with the SDK.
    "import { Storage } from '@google-cloud/storage'; await new Storage().bucket(b).file(k).save(data, { contentType: 'application/pdf' });",
    "import { Storage } from '@google-cloud/storage'; await bucket.upload(path, { predefinedAcl: 'projectPrivate' });",
    'const doc = await repo.makePublic(); await cache.save(data, { public: true });',
    "import { BlobServiceClient } from '@azure/storage-blob'; await container.createIfNotExists();",
    "import { BlobServiceClient } from '@azure/storage-blob'; await container.setAccessPolicy(undefined, identifiers);",
    "await container.create({ access: 'container' });",
    // An S3 website endpoint serves only public objects: the public read is the point of the bucket.
    "new s3.Bucket(this, 'Site', { websiteIndexDocument: 'index.html', publicReadAccess: true });",
  ],
  invalid: [
    {
      // ServerlessGoat's converter: every generated document is public.
      code: "await s3.putObject({ Bucket: process.env.BUCKET_NAME, Key: key, Body: txt, ACL: 'public-read' }).promise();",
      errors: [
        {
          messageId: 'publicAcl',
          line: 1,
          column: 81,
          data: { acl: 'public-read' },
          suggestions: [{ messageId: 'suggestPrivate', output: "await s3.putObject({ Bucket: process.env.BUCKET_NAME, Key: key, Body: txt, ACL: 'private' }).promise();" }],
        },
      ],
    },
    {
      code: 'const params = { Bucket: b, Key: k, Body: data, ACL: "authenticated-read" };\nawait client.send(new PutObjectCommand(params));',
      errors: [
        {
          messageId: 'publicAcl',
          line: 1,
          column: 54,
          suggestions: [{ messageId: 'suggestPrivate', output: 'const params = { Bucket: b, Key: k, Body: data, ACL: "private" };\nawait client.send(new PutObjectCommand(params));' }],
        },
      ],
    },
    {
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { encryption: s3.BucketEncryption.S3_MANAGED, publicReadAccess: true });",
      errors: [{ messageId: 'publicReadAccess', line: 2, column: 96 }],
    },
    {
      code: "new s3.Bucket(this, 'Uploads', { accessControl: s3.BucketAccessControl.PUBLIC_READ_WRITE });",
      errors: [{ messageId: 'publicAcl', line: 1, column: 49, data: { acl: 'PUBLIC_READ_WRITE' }, suggestions: [] }],
    },
    {
      code: "const template = { Resources: { Site: { Type: 'AWS::S3::Bucket', Properties: { AccessControl: 'PublicRead' } } } };",
      errors: [{ messageId: 'publicAcl', line: 1, column: 95, suggestions: [] }],
    },
    {
      code: "const { Storage } = require('@google-cloud/storage');\nawait new Storage().bucket(b).file(name).makePublic();",
      errors: [{ messageId: 'makePublic', line: 2, column: 7 }],
    },
    {
      code: "import { Storage } from '@google-cloud/storage';\nawait bucket.file(name).save(pdf, { contentType: 'application/pdf', public: true });",
      errors: [{ messageId: 'makePublic', line: 2, column: 77 }],
    },
    {
      code: "import { Storage } from '@google-cloud/storage';\nawait bucket.upload(path, { destination: name, predefinedAcl: 'publicRead' });",
      errors: [{ messageId: 'publicAcl', line: 2, column: 63, data: { acl: 'publicRead' }, suggestions: [] }],
    },
    {
      code: "import { BlobServiceClient } from '@azure/storage-blob';\nawait service.getContainerClient('uploads').createIfNotExists({ access: 'container' });",
      errors: [{ messageId: 'publicContainer', line: 2, column: 73, data: { acl: 'container', listing: ', and list them' } }],
    },
    {
      code: "const { ContainerClient } = require('@azure/storage-blob');\nawait containerClient.setAccessPolicy('blob');",
      errors: [{ messageId: 'publicContainer', line: 2, column: 39, data: { acl: 'blob', listing: '' } }],
    },
    {
      code: "const site = new s3.Bucket(this, 'Site');\nsite.grantPublicAccess('*', 's3:GetObject');",
      errors: [{ messageId: 'grantPublicAccess', line: 2, column: 1 }],
    },
  ],
  tsValid: ["const acl: ObjectCannedACL = 'private';\nawait s3.send(new PutObjectCommand({ Bucket: b, Key: k, ACL: acl }));"],
  tsInvalid: [
    {
      code: "await s3.send(new PutObjectCommand({ Bucket: b, Key: k, ACL: 'public-read' as ObjectCannedACL }));",
      errors: [
        {
          messageId: 'publicAcl',
          line: 1,
          column: 62,
          suggestions: [{ messageId: 'suggestPrivate', output: "await s3.send(new PutObjectCommand({ Bucket: b, Key: k, ACL: 'private' as ObjectCannedACL }));" }],
        },
      ],
    },
  ],
});
