#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef pair<ll, int> pli;

// Standard heap Dijkstra, then walk the predecessor array back from t.

int main() {
    int n, m, s, t;
    scanf("%d %d %d %d", &n, &m, &s, &t);
    vector<vector<pair<int, ll>>> g(n);
    for (int i = 0; i < m; i++) {
        int a, b;
        ll w;
        scanf("%d %d %lld", &a, &b, &w);
        g[a].push_back(make_pair(b, w));
        g[b].push_back(make_pair(a, w));
    }
    vector<ll> dist(n, LLONG_MAX);
    vector<int> pre(n, -1);
    priority_queue<pli, vector<pli>, greater<pli>> pq;
    dist[s] = 0;
    pq.push(pli(0, s));
    while (!pq.empty()) {
        pli top = pq.top();
        pq.pop();
        int u = top.second;
        if (top.first != dist[u]) continue;
        for (size_t j = 0; j < g[u].size(); j++) {
            int v = g[u][j].first;
            ll nd = dist[u] + g[u][j].second;
            if (nd < dist[v]) {
                dist[v] = nd;
                pre[v] = u;
                pq.push(pli(nd, v));
            }
        }
    }
    if (dist[t] == LLONG_MAX) {
        printf("-1\n");
        return 0;
    }
    printf("%lld\n", dist[t]);
    vector<int> path;
    for (int v = t; v != -1; v = pre[v]) path.push_back(v);
    for (int i = (int)path.size() - 1; i >= 0; i--) {
        printf("%d%c", path[i], i == 0 ? '\n' : ' ');
    }
    return 0;
}
