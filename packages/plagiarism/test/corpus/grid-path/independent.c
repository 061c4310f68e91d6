#include <stdio.h>
#include <stdlib.h>

/* Maze shortest path with a single flat queue of cell indices. */

static char *cells;
static int *seen;
static int *queue;

int main(void) {
    int h, w;
    if (scanf("%d%d", &h, &w) != 2) return 1;
    cells = malloc((size_t)h * w + 1);
    seen = malloc(sizeof(int) * h * w);
    queue = malloc(sizeof(int) * h * w);
    int start = -1, goal = -1;
    char row[512];
    for (int i = 0; i < h; ++i) {
        scanf("%511s", row);
        for (int j = 0; j < w; ++j) {
            cells[i * w + j] = row[j];
            if (row[j] == 'S') start = i * w + j;
            if (row[j] == 'T') goal = i * w + j;
        }
    }
    if (start == -1 || goal == -1) {
        puts("no start or target");
        return 0;
    }
    for (int i = 0; i < h * w; ++i) seen[i] = 0;
    int qh = 0, qt = 0, level = 0;
    queue[qt++] = start;
    seen[start] = 1;
    while (qh < qt) {
        int width = qt - qh;
        while (width-- > 0) {
            int cur = queue[qh++];
            if (cur == goal) {
                printf("%d\n", level);
                return 0;
            }
            int i = cur / w, j = cur % w;
            int nb[4] = { i > 0 ? cur - w : -1, i + 1 < h ? cur + w : -1, j > 0 ? cur - 1 : -1, j + 1 < w ? cur + 1 : -1 };
            for (int t = 0; t < 4; ++t) {
                int nxt = nb[t];
                if (nxt < 0 || seen[nxt] || cells[nxt] == '#') continue;
                seen[nxt] = 1;
                queue[qt++] = nxt;
            }
        }
        level++;
    }
    puts("unreachable");
    free(cells);
    free(seen);
    free(queue);
    return 0;
}
