using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ReportExtract.Cli.Tests.Review.Browser;

/// <summary>
/// A headless Chromium driven over the DevTools protocol on loopback: one page, commands answered in order,
/// events kept for inspection. No network: every host name resolves to nothing, and the profile is a fresh directory.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly List<JsonObject> _events = [];
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    /// <summary>The chromium executable on PATH, or null when it is not installed.</summary>
    public static string? Executable { get; } = FindExecutable();

    /// <summary>True when the CI says so: there, a missing browser fails the test instead of skipping it.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every protocol event received so far (method and params).</summary>
    public IReadOnlyList<JsonObject> Events => _events;

    /// <summary>Starts the browser and attaches to its first page.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width, int height)
    {
        var executable = Executable ?? throw new InvalidOperationException(
            "chromium is not installed: run tools/review/install-browser.sh (Debian packages chromium and chromium-driver)");
        var profile = Path.Combine(Path.GetTempPath(), "reportx-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", $"--window-size={width},{height}", "--hide-scrollbars", $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await ReadPortAsync(profile, process).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = CommandTimeout };
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri("json/list", UriKind.Relative)).ConfigureAwait(false))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None).ConfigureAwait(false);
            var browser = new HeadlessChromium(process, profile, socket);
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
            return browser;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and returns its result; a protocol error throws.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        while (true)
        {
            var reply = await ReceiveAsync(timeout.Token).ConfigureAwait(false);
            if (reply["id"] is null)
            {
                _events.Add(reply);
                continue;
            }

            if ((int)reply["id"]! != id)
            {
                continue;
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            }

            return reply["result"]!.AsObject();
        }
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its JSON value; a script exception throws.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"the page threw: {exception.ToJsonString()}");
        }

        return result["result"]!["value"]?.DeepClone();
    }

    /// <summary>Polls <paramref name="condition"/> (a script expression) until it is true; errors while a navigation replaces the document count as false.</summary>
    public async Task WaitForAsync(string condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string? lastError = null;
        while (true)
        {
            try
            {
                if ((bool?)await EvaluateAsync($"Boolean({condition})").ConfigureAwait(false) == true)
                {
                    return;
                }
            }
            catch (InvalidOperationException e)
            {
                lastError = e.Message;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the page never met: {condition}" + (lastError is null ? string.Empty : $" (last error: {lastError})"));
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>A real left click (mouse pressed and released) at viewport point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public async Task ClickAsync(double x, double y)
    {
        foreach (var type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = type == "mouseMoved" ? "none" : "left", ["clickCount"] = type == "mouseMoved" ? 0 : 1,
            }).ConfigureAwait(false);
        }
    }

    /// <summary>The viewport as a PNG.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }).ConfigureAwait(false);
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser is killed next anyway.
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile directory left in /tmp is not worth failing a test for.
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var part = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("chromium closed the DevTools connection");
            }

            message.Write(buffer, 0, part.Count);
            if (part.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    /// <summary>Chromium writes the port it chose to DevToolsActivePort in the profile once it listens.</summary>
    private static async Task<int> ReadPortAsync(string profile, Process process)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {process.ExitCode} before listening");
            }

            if (File.Exists(file))
            {
                var lines = await File.ReadAllLinesAsync(file).ConfigureAwait(false);
                if (lines.Length >= 1 && int.TryParse(lines[0], out var port) && port > 0)
                {
                    return port;
                }
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"chromium did not write {file} within {StartTimeout.TotalSeconds} s");
    }

    private static string? FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs Chromium: skipped with the reason when it is not installed, except on CI (<c>CI=true</c>),
/// where the test runs and fails, so that a CI image without the browser cannot pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null && !HeadlessChromium.IsCi)
        {
            Skip = "chromium is not installed; run tools/review/install-browser.sh (as root) to run the browser test (on CI, CI=true makes this a failure)";
        }
    }
}
