#include <bits/stdc++.h>
using namespace std;

// O(n^2) Dijkstra on an adjacency matrix: fine for n <= 2000.

int main() {
    int n, m, s, t;
    if (!(cin >> n >> m >> s >> t)) return 0;
    const long long NONE = LLONG_MAX / 4;
    vector<vector<long long>> w(n, vector<long long>(n, NONE));
    while (m--) {
        int a, b; long long c;
        cin >> a >> b >> c;
        w[a][b] = min(w[a][b], c);
        w[b][a] = min(w[b][a], c);
    }
    vector<long long> d(n, NONE);
    vector<int> from(n, -1);
    vector<char> done(n, 0);
    d[s] = 0;
    for (int iter = 0; iter < n; ++iter) {
        int pick = -1;
        for (int v = 0; v < n; ++v)
            if (!done[v] && (pick == -1 || d[v] < d[pick])) pick = v;
        if (pick == -1 || d[pick] >= NONE) break;
        done[pick] = 1;
        for (int v = 0; v < n; ++v) {
            if (w[pick][v] >= NONE) continue;
            if (d[pick] + w[pick][v] < d[v]) {
                d[v] = d[pick] + w[pick][v];
                from[v] = pick;
            }
        }
    }
    if (d[t] >= NONE) {
        puts("-1");
        return 0;
    }
    printf("%lld\n", d[t]);
    deque<int> way;
    int cur = t;
    do {
        way.push_front(cur);
        cur = from[cur];
    } while (cur != -1);
    bool first = true;
    for (int v : way) {
        if (!first) putchar(' ');
        printf("%d", v);
        first = false;
    }
    putchar('\n');
}
