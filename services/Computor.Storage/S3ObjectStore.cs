using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Computor.Storage;

/// <summary>Objects in a bucket of an S3-compatible server (MinIO, S3, s3rver), created on first use when allowed.</summary>
public sealed class S3ObjectStore(IOptions<ObjectStorageOptions> options) : IObjectStore, IDisposable
{
    readonly Lazy<(AmazonS3Client S3, S3Connections Connections)> client = new(() => Create(options.Value));
    readonly SemaphoreSlim bucketReady = new(1, 1);
    bool bucketExists;

    string Bucket => options.Value.Bucket;

    public async Task Put(string key, byte[] data, string contentType, CancellationToken cancellationToken)
    {
        await EnsureBucket(cancellationToken);
        using var body = new MemoryStream(data);
        await client.Value.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket, Key = key, InputStream = body, ContentType = contentType, AutoCloseStream = false,
            // The body is in memory: one signature over all of it, rather than aws-chunked with one per chunk.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<Stream?> Open(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.Value.S3.GetObjectAsync(Bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    async Task EnsureBucket(CancellationToken cancellationToken)
    {
        if (bucketExists || !options.Value.CreateBucket)
            return;
        await bucketReady.WaitAsync(cancellationToken);
        try
        {
            if (!bucketExists && !await Amazon.S3.Util.AmazonS3Util.DoesS3BucketExistV2Async(client.Value.S3, Bucket))
                await client.Value.S3.PutBucketAsync(Bucket, cancellationToken);
            bucketExists = true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            bucketExists = true;
        }
        finally
        {
            bucketReady.Release();
        }
    }

    static (AmazonS3Client, S3Connections) Create(ObjectStorageOptions o)
    {
        var connections = new S3Connections();
        var config = new AmazonS3Config
        {
            ServiceURL = o.ServiceUrl,
            ForcePathStyle = o.ForcePathStyle,
            AuthenticationRegion = o.Region,
            HttpClientFactory = connections,
        };
        if (o.ChecksumsWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        return (new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config), connections);
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.S3.Dispose();
            client.Value.Connections.Dispose();
        }
        bucketReady.Dispose();
    }
}
