// Starts @20minutes/s3rver (it has no command of its own): node s3rver.js DIR PORT [BUCKET,...]
// Buckets are created here: s3rver rejects the AWS .NET SDK's signature on bucket-level requests.
const path = require('path');
const S3rver = require(path.join(__dirname, '../../.tmp/s3rver/node_modules/@20minutes/s3rver'));
const [directory, port, buckets = ''] = process.argv.slice(2);
const configureBuckets = buckets.split(',').filter(Boolean).map((name) => ({ name }));
new S3rver({ port: Number(port), address: '127.0.0.1', directory, silent: true, configureBuckets })
  .run()
  .then(() => console.log(`s3rver listening on ${port}`))
  .catch((error) => { console.error(error); process.exit(1); });
