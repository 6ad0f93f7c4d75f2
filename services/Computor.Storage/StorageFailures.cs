using Amazon.Runtime;

namespace Computor.Storage;

/// <summary>What object storage throws when it cannot answer (down, unreachable, refusing), as opposed to a bug of ours.</summary>
public static class StorageFailures
{
    public static bool IsUnavailable(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException;
}
