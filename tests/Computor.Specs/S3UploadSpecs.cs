using System.Net;
using System.Net.Sockets;
using System.Text;
using Computor.Storage;
using Microsoft.Extensions.Options;

namespace Computor.Specs;

/// <summary>What an S3 server sees of an upload, read off the wire of a listener standing in for it.</summary>
public sealed class When_a_report_is_uploaded_to_s3
{
    [Test]
    public async Task Should_send_it_in_one_request_without_waiting_for_a_go_ahead()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var store = Store(((IPEndPoint)listener.LocalEndpoint).Port);
        var report = Encoding.UTF8.GetBytes("{\"result\":\"PASSED\"}");

        var upload = store.Put("run/testSummary.json", report, "application/json", CancellationToken.None);
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var (head, body) = await ReadRequest(stream);
        await stream.WriteAsync(Ok);
        await upload;

        var headers = head.Split("\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(headers[0], Is.EqualTo("PUT /reports/run/testSummary.json HTTP/1.1"));
            Assert.That(headers, Has.None.StartsWith("Expect:"), "a small body is sent at once, not after the server's 100 Continue");
            Assert.That(headers, Has.None.Contains("aws-chunked"), "one signature over the body, not one per chunk");
            Assert.That(body, Is.EqualTo(report), "the body is the report as it is");
        });
    }

    [Test]
    public async Task Should_send_the_next_upload_on_the_same_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var store = Store(((IPEndPoint)listener.LocalEndpoint).Port);
        var first = store.Put("run/testSummary.json", "{}"u8.ToArray(), "application/json", CancellationToken.None);
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        await ReadRequest(stream);
        await stream.WriteAsync(Ok);
        await first;

        var second = store.Put("next/testSummary.json", "{}"u8.ToArray(), "application/json", CancellationToken.None);
        var (head, _) = await ReadRequest(stream);
        await stream.WriteAsync(Ok);
        await second;
        Assert.That(head, Does.StartWith("PUT /reports/next/testSummary.json "), "the second upload came on the first one's connection");
    }

    static readonly byte[] Ok = "HTTP/1.1 200 OK\r\nETag: \"1\"\r\nContent-Length: 0\r\n\r\n"u8.ToArray();

    static S3ObjectStore Store(int port) => new(Options.Create(new ObjectStorageOptions
    {
        ServiceUrl = $"http://127.0.0.1:{port}", Bucket = "reports", AccessKey = "key", SecretKey = "secret", CreateBucket = false,
        ChecksumsWhenRequired = true,
    }));

    /// <summary>The request's head, and as much of its body as its Content-Length says.</summary>
    static async Task<(string Head, byte[] Body)> ReadRequest(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int end;
        while ((end = Encoding.ASCII.GetString(received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var n = await stream.ReadAsync(buffer, wait.Token);
            if (n == 0)
                break;
            received.AddRange(buffer[..n]);
        }
        if (end < 0)
            Assert.Fail("the client closed the connection instead of sending a request on it");
        var head = Encoding.ASCII.GetString(received.ToArray(), 0, end);
        var length = head.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim())).Single();
        var body = received.Skip(end + 4).ToList();
        // A client waiting for 100 Continue sends the body only after a second; reading it then is still within the wait.
        while (body.Count < length)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var n = await stream.ReadAsync(buffer, wait.Token);
            if (n == 0)
                break;
            body.AddRange(buffer[..n]);
        }
        return (head, body.ToArray());
    }
}
