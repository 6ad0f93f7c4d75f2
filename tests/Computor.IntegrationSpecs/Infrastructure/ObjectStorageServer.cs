namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>
/// The S3-compatible server for the whole run: @20minutes/s3rver started by deploy/local/start-s3.sh (a
/// MinIO stands in its place in deployments). One bucket, made at start; runs never share a key.
/// </summary>
sealed class ObjectStorageServer : IAsyncDisposable
{
    readonly string directory;

    ObjectStorageServer(string directory, string endpoint)
    {
        this.directory = directory;
        Endpoint = endpoint;
    }

    const string Bucket = "computor-specs";

    public string Endpoint { get; }

    public static async Task<ObjectStorageServer> Start()
    {
        var directory = Directory.CreateTempSubdirectory("computor-s3-").FullName;
        Leftovers.Claim(directory);
        try
        {
            var endpoint = await Shell.Run(RepositoryRoot.Script("start-s3.sh"), directory, Shell.FreePort().ToString(), Bucket);
            return new ObjectStorageServer(directory, endpoint.Split('\n').Last());
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "Specs need the S3 server @20minutes/s3rver (Node.js and npm; bash deploy/local/install-prerequisites.sh installs it): " + e.Message, e);
        }
    }

    /// <summary>Settings for a service using this server.</summary>
    public (string, string)[] Settings() =>
    [
        ("ObjectStorage:ServiceUrl", Endpoint),
        ("ObjectStorage:Bucket", Bucket),
        ("ObjectStorage:CreateBucket", "false"),
        ("ObjectStorage:AccessKey", "S3RVER"),
        ("ObjectStorage:SecretKey", "S3RVER"),
        ("ObjectStorage:ChecksumsWhenRequired", "true"),
    ];

    public async ValueTask DisposeAsync()
    {
        await Shell.Run(RepositoryRoot.Script("stop-s3.sh"), directory);
        Directory.Delete(directory, recursive: true);
    }
}
