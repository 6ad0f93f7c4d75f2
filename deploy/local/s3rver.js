// Starts @20minutes/s3rver (it has no command of its own): node s3rver.js DIR PORT
const path = require('path');
const S3rver = require(path.join(__dirname, '../../.tmp/s3rver/node_modules/@20minutes/s3rver'));
const [directory, port] = process.argv.slice(2);
new S3rver({ port: Number(port), address: '127.0.0.1', directory, silent: true })
  .run()
  .then(() => console.log(`s3rver listening on ${port}`))
  .catch((error) => { console.error(error); process.exit(1); });
