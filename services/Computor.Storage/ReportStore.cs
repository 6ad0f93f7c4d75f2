using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Computor.Storage;

/// <summary>
/// Test reports and their artifacts in object storage, one folder per run:
/// <c>results/{correlationId}/testSummary.json</c> and <c>results/{correlationId}/artifacts/{name}</c>.
/// The report is written last, so its presence means the run's upload is complete. Artifacts are
/// listed in <c>artifacts.json</c> beside it: reading a list needs no bucket listing rights.
/// </summary>
public sealed class ReportStore(IOptions<ObjectStorageOptions> options) : IDisposable
{
    const string ReportName = "testSummary.json";
    readonly Lazy<AmazonS3Client> client = new(() => Create(options.Value));
    readonly SemaphoreSlim bucketReady = new(1, 1);
    bool bucketExists;

    string Bucket => options.Value.Bucket;

    public static string ReportKey(Guid correlationId) => $"results/{correlationId:D}/{ReportName}";

    static string ManifestKey(Guid correlationId) => $"results/{correlationId:D}/artifacts.json";

    static string ArtifactPrefix(Guid correlationId) => $"results/{correlationId:D}/artifacts/";

    public async Task<string> Save(Guid correlationId, byte[] report, IReadOnlyList<(string Name, byte[] Data)> artifacts, CancellationToken cancellationToken)
    {
        await EnsureBucket(cancellationToken);
        foreach (var (name, data) in artifacts)
            await Put(ArtifactPrefix(correlationId) + Path.GetFileName(name), data, ContentType(name), cancellationToken);
        await Put(ManifestKey(correlationId), JsonSerializer.SerializeToUtf8Bytes(artifacts.Select(a => Path.GetFileName(a.Name))), "application/json", cancellationToken);
        await Put(ReportKey(correlationId), report, "application/json", cancellationToken);
        return ReportKey(correlationId);
    }

    /// <summary>The stored report, or null when this run has none (yet).</summary>
    public async Task<byte[]?> Report(string key, CancellationToken cancellationToken)
    {
        using var stream = await Open(key, cancellationToken);
        if (stream is null)
            return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    public async Task<IReadOnlyList<string>> Artifacts(Guid correlationId, CancellationToken cancellationToken) =>
        await Report(ManifestKey(correlationId), cancellationToken) is { } manifest
            ? JsonSerializer.Deserialize<List<string>>(manifest) ?? []
            : [];

    public Task<Stream?> Artifact(Guid correlationId, string name, CancellationToken cancellationToken) =>
        Open(ArtifactPrefix(correlationId) + Path.GetFileName(name), cancellationToken);

    async Task<Stream?> Open(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.Value.GetObjectAsync(Bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    async Task Put(string key, byte[] data, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(data);
        await client.Value.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket, Key = key, InputStream = body, ContentType = contentType, AutoCloseStream = false,
        }, cancellationToken);
    }

    async Task EnsureBucket(CancellationToken cancellationToken)
    {
        if (bucketExists || !options.Value.CreateBucket)
            return;
        await bucketReady.WaitAsync(cancellationToken);
        try
        {
            if (!bucketExists && !await Amazon.S3.Util.AmazonS3Util.DoesS3BucketExistV2Async(client.Value, Bucket))
                await client.Value.PutBucketAsync(Bucket, cancellationToken);
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

    static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };

    static AmazonS3Client Create(ObjectStorageOptions o)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = o.ServiceUrl,
            ForcePathStyle = o.ForcePathStyle,
            AuthenticationRegion = o.Region,
        };
        if (o.ChecksumsWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        return new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
            client.Value.Dispose();
        bucketReady.Dispose();
    }
}
