#include <iostream>
#include <vector>
#include <algorithm>
#include <numeric>

using namespace std;

struct Edge {
    int u, v;
    long long w;
    bool operator<(const Edge &other) const {
        if (w != other.w) return w < other.w;
        if (u != other.u) return u < other.u;
        return v < other.v;
    }
};

class DisjointSet {
    vector<int> parent, rank_;

public:
    explicit DisjointSet(int n) : parent(n), rank_(n, 0) {
        iota(parent.begin(), parent.end(), 0);
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    bool unite(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (rank_[a] < rank_[b]) swap(a, b);
        parent[b] = a;
        if (rank_[a] == rank_[b]) rank_[a]++;
        return true;
    }
};

long long kruskal(int n, vector<Edge> &edges, vector<Edge> &chosen) {
    sort(edges.begin(), edges.end());
    DisjointSet ds(n);
    long long total = 0;
    for (const Edge &e : edges) {
        if (ds.unite(e.u, e.v)) {
            total += e.w;
            chosen.push_back(e);
            if ((int)chosen.size() == n - 1) break;
        }
    }
    return total;
}

int main() {
    int n, m;
    cin >> n >> m;
    vector<Edge> edges(m);
    for (int i = 0; i < m; i++) {
        cin >> edges[i].u >> edges[i].v >> edges[i].w;
        if (edges[i].u > edges[i].v) swap(edges[i].u, edges[i].v);
    }
    vector<Edge> chosen;
    long long total = kruskal(n, edges, chosen);
    if ((int)chosen.size() != n - 1) {
        cout << "IMPOSSIBLE" << endl;
        return 0;
    }
    cout << total << endl;
    for (const Edge &e : chosen) {
        cout << e.u << " " << e.v << " " << e.w << endl;
    }
    return 0;
}
