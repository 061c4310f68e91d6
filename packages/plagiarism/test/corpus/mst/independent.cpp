#include <cstdio>
#include <vector>
#include <queue>
#include <tuple>

// Prim's algorithm with a binary heap; edges are reported as (min, max, weight) in the order added.

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    std::vector<std::vector<std::pair<int, long long>>> g(n);
    for (int i = 0; i < m; ++i) {
        int a, b;
        long long c;
        scanf("%d %d %lld", &a, &b, &c);
        g[a].emplace_back(b, c);
        g[b].emplace_back(a, c);
    }
    std::vector<bool> inTree(n, false);
    using Item = std::tuple<long long, int, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    heap.emplace(0, 0, -1);
    long long sum = 0;
    std::vector<Item> picked;
    while (!heap.empty()) {
        auto [c, v, from] = heap.top();
        heap.pop();
        if (inTree[v]) continue;
        inTree[v] = true;
        sum += c;
        if (from >= 0) picked.emplace_back(c, from < v ? from : v, from < v ? v : from);
        for (auto &[to, wt] : g[v])
            if (!inTree[to]) heap.emplace(wt, to, v);
    }
    if ((int)picked.size() != n - 1) {
        printf("IMPOSSIBLE\n");
        return 0;
    }
    printf("%lld\n", sum);
    for (auto &[c, a, b] : picked) printf("%d %d %lld\n", a, b, c);
    return 0;
}
