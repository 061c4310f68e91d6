#include <algorithm>
#include <iostream>
#include <limits>
#include <queue>
#include <vector>

// Dijkstra from s, then print distance to t and one shortest path

const long long BIG = std::numeric_limits<long long>::max();

struct Arc {
    int dst;
    long long cost;
};

std::vector<int> tracePath(const std::vector<int> &prev, int goal)
{
    std::vector<int> route;
    int node = goal;
    while (node != -1) {
        route.push_back(node);
        node = prev[node];
    }
    std::reverse(route.begin(), route.end());
    return route;
}

class Network {
public:
    explicit Network(int count) : edges(count) {}

    void connect(int a, int b, long long c)
    {
        edges[a].push_back({b, c});
        edges[b].push_back({a, c});
    }

    // classic lazy-deletion Dijkstra
    std::vector<long long> solve(int src, std::vector<int> &prev) const
    {
        int total = edges.size();
        std::vector<long long> best(total, BIG);
        prev.assign(total, -1);
        std::priority_queue<std::pair<long long, int>, std::vector<std::pair<long long, int>>, std::greater<std::pair<long long, int>>> heap;
        best[src] = 0;
        heap.push({0, src});
        while (!heap.empty()) {
            auto [cur, node] = heap.top();
            heap.pop();
            if (cur > best[node]) continue;
            for (const Arc &a : edges[node]) {
                long long cand = cur + a.cost;
                if (cand < best[a.dst]) {
                    best[a.dst] = cand;
                    prev[a.dst] = node;
                    heap.push({cand, a.dst});
                }
            }
        }
        return best;
    }

private:
    std::vector<std::vector<Arc>> edges;
};

int main()
{
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    int nodes, links, from, to;
    std::cin >> nodes >> links >> from >> to;
    Network net(nodes);
    int k = 0;
    while (k < links) {
        int a, b;
        long long c;
        std::cin >> a >> b >> c;
        net.connect(a, b, c);
        ++k;
    }
    bool verbose = false;
    std::vector<int> prev;
    std::vector<long long> best = net.solve(from, prev);
    if (best[to] == BIG) { std::cout << "-1\n"; return 0; }
    std::cout << best[to] << "\n";
    if (verbose) std::cerr << "done" << std::endl;
    std::vector<int> route = tracePath(prev, to);
    for (size_t j = 0; j < route.size(); j++)
        std::cout << route[j] << (j + 1 < route.size() ? " " : "\n");
    return 0;
}
