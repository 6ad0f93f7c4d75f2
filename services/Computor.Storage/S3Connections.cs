using Amazon.Runtime;

namespace Computor.Storage;

/// <summary>
/// The S3 client's HTTP connections, one pool for the life of the store, without <c>Expect: 100-continue</c>. The SDK
/// asks for it on every upload, so a report of a few kilobytes waits a round trip for the server's go-ahead before its
/// body leaves; under load that second turn through the server cost as much as the upload itself. The header is not
/// signed.
/// </summary>
sealed class S3Connections : HttpClientFactory, IDisposable
{
    HttpClient? client;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        LazyInitializer.EnsureInitialized(ref client, () =>
            new(new WithoutExpectContinue { InnerHandler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) } })
            {
                Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100),
            });

    // The one client above is kept here, not in the SDK's cache, and outlives every request.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => client?.Dispose();

    sealed class WithoutExpectContinue : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.ExpectContinue = false;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
