using StackExchange.Redis;

namespace FinFlow.Sidecar.Components.RedisPubSub;

/// <summary>
/// Reads a raw XREADGROUP reply into StreamEntry values; the command is sent raw because StackExchange.Redis
/// offers no BLOCK option. The reply is <c>[[stream, entries]]</c> in RESP2 and a map <c>{stream: entries}</c>
/// (seen flattened as <c>[stream, entries]</c>) in RESP3; each entry is <c>[id, [field, value, …]]</c>.
/// A timed-out BLOCK answers a null array.
/// </summary>
public static class StreamReplies
{
    public static IEnumerable<StreamEntry> Entries(RedisResult result)
    {
        if (result.IsNull || !IsArray(result)) yield break;
        var top = (RedisResult[])result!;
        for (var i = 0; i < top.Length; i++)
        {
            RedisResult entries;
            if (IsArray(top[i]) && top[i].Length >= 2) entries = ((RedisResult[])top[i]!)[1];
            else if (i + 1 < top.Length) entries = top[++i];
            else yield break;
            if (!IsArray(entries)) continue;
            foreach (var item in (RedisResult[])entries!)
            {
                if (!IsArray(item)) continue;
                var pair = (RedisResult[])item!;
                if (pair.Length < 2 || !IsArray(pair[1])) continue; // an entry trimmed away while pending
                var raw = (RedisResult[])pair[1]!;
                var fields = new NameValueEntry[raw.Length / 2];
                for (var f = 0; f + 1 < raw.Length; f += 2) fields[f / 2] = new NameValueEntry((RedisValue)raw[f], (RedisValue)raw[f + 1]);
                yield return new StreamEntry((RedisValue)pair[0], fields);
            }
        }
    }

    private static bool IsArray(RedisResult result) => !result.IsNull && result.Length >= 0;
}
