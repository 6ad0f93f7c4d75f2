using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.Storage;

public static class StorageExtensions
{
    /// <summary>The report store on the S3-compatible server configured under <c>ObjectStorage</c>.</summary>
    public static IHostApplicationBuilder AddObjectStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObjectStorageOptions>().BindConfiguration(ObjectStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReportStore>();
        return builder;
    }
}
