// Draws the overview's charts from the page's JSON data block (Chart.js, vendored under /lib).
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const forecast = document.getElementById('forecast-chart');
  if (forecast && data.months.length > 0) {
    new Chart(forecast, {
      type: 'line',
      data: {
        labels: data.months.map(m => m.month),
        datasets: [
          { label: 'units needed (cumulative)', data: data.months.map(m => m.needed), borderColor: '#888', pointRadius: 0 },
          { label: 'planned to arrive on time', data: data.months.map(m => m.onTime), borderColor: '#1f6fb4', pointRadius: 0 },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
  }
  const burden = document.getElementById('burden-chart');
  if (burden && data.allies.length > 0) {
    new Chart(burden, {
      type: 'bar',
      data: {
        labels: data.allies.map(a => a.name),
        datasets: [{ label: 'contributions as % of fair share', data: data.allies.map(a => a.percent), backgroundColor: '#1f6fb4' }],
      },
      options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { beginAtZero: true } } },
    });
  }
  document.body.dataset.chartsDrawn = String(document.querySelectorAll('canvas').length);
})();
