#include <iostream>
#include <vector>
#include <queue>
#include <limits>
#include <algorithm>

using namespace std;

const long long INF = numeric_limits<long long>::max();

struct Edge {
    int to;
    long long weight;
};

class Graph {
public:
    explicit Graph(int n) : adj(n) {}

    void addEdge(int u, int v, long long w) {
        adj[u].push_back({v, w});
        adj[v].push_back({u, w});
    }

    vector<long long> shortestPaths(int source, vector<int> &parent) const {
        int n = adj.size();
        vector<long long> dist(n, INF);
        parent.assign(n, -1);
        priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<pair<long long, int>>> pq;
        dist[source] = 0;
        pq.push({0, source});
        while (!pq.empty()) {
            auto [d, u] = pq.top();
            pq.pop();
            if (d > dist[u]) {
                continue;
            }
            for (const Edge &e : adj[u]) {
                long long nd = d + e.weight;
                if (nd < dist[e.to]) {
                    dist[e.to] = nd;
                    parent[e.to] = u;
                    pq.push({nd, e.to});
                }
            }
        }
        return dist;
    }

private:
    vector<vector<Edge>> adj;
};

vector<int> buildPath(const vector<int> &parent, int target) {
    vector<int> path;
    for (int v = target; v != -1; v = parent[v]) {
        path.push_back(v);
    }
    reverse(path.begin(), path.end());
    return path;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m, s, t;
    cin >> n >> m >> s >> t;
    Graph g(n);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long w;
        cin >> u >> v >> w;
        g.addEdge(u, v, w);
    }
    vector<int> parent;
    vector<long long> dist = g.shortestPaths(s, parent);
    if (dist[t] == INF) {
        cout << "-1\n";
        return 0;
    }
    cout << dist[t] << "\n";
    vector<int> path = buildPath(parent, t);
    for (size_t i = 0; i < path.size(); i++) {
        cout << path[i] << (i + 1 < path.size() ? " " : "\n");
    }
    return 0;
}
