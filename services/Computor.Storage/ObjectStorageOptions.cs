using System.ComponentModel.DataAnnotations;

namespace Computor.Storage;

/// <summary>Configuration section <c>ObjectStorage</c>: an S3-compatible server (MinIO, S3, s3rver in tests), or a folder.</summary>
public sealed class ObjectStorageOptions
{
    public const string Section = "ObjectStorage";

    [Required] public string ServiceUrl { get; set; } = "http://localhost:9000";
    [Required] public string Bucket { get; set; } = "computor-storage";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string Region { get; set; } = "us-east-1";

    /// <summary>Bucket in the path, not the host name: what MinIO and small servers expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// Send and check checksums only where S3 requires them. Servers that do not know the newer
    /// checksum headers (s3rver) need this; MinIO and S3 work with the default.
    /// </summary>
    public bool ChecksumsWhenRequired { get; set; }

    /// <summary>Create the bucket when it is missing. Off for servers that are given their buckets (s3rver).</summary>
    public bool CreateBucket { get; set; } = true;

    /// <summary>Keep objects as files in this folder instead (standalone host, small installations); S3 settings are then unused.</summary>
    public string? Directory { get; set; }
}
